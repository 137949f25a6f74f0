using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegGanLab.Imaging.Png;

/// <summary>
/// PNG's five scanline filters (None, Sub, Up, Average, Paeth), in both directions. A filter
/// predicts each byte from the byte one pixel to the left (a), the byte above (b) and the byte
/// above-left (c); <c>stride</c> is the bytes of one whole pixel (at least 1).
/// </summary>
internal static class PngFilter
{
    internal const int None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4, Count = 5;

    /// <summary>Undoes <paramref name="filter"/> in place on <paramref name="row"/>; false for an unknown filter type.</summary>
    public static bool Unfilter(int filter, Span<byte> row, ReadOnlySpan<byte> prior, int stride)
    {
        switch (filter)
        {
            case None:
                return true;
            case Sub:
                for (var i = stride; i < row.Length; i++) row[i] += row[i - stride];
                return true;
            case Up:
                AddUp(row, prior);
                return true;
            case Average:
                for (var i = 0; i < stride; i++) row[i] += (byte)(prior[i] >> 1);
                for (var i = stride; i < row.Length; i++) row[i] += (byte)((row[i - stride] + prior[i]) >> 1);
                return true;
            case Paeth:
                if (prior.Length < row.Length) throw new ArgumentException("The prior row is shorter than the row.", nameof(prior));
                UndoPaeth(row, prior, stride);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="row"/> filtered with <paramref name="filter"/> to <paramref name="output"/>.</summary>
    public static void Apply(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int stride, Span<byte> output)
    {
        var n = row.Length;
        switch (filter)
        {
            case None:
                row.CopyTo(output);
                break;
            case Sub:
                row[..stride].CopyTo(output);
                for (var i = stride; i < n; i++) output[i] = (byte)(row[i] - row[i - stride]);
                break;
            case Up:
                for (var i = 0; i < n; i++) output[i] = (byte)(row[i] - prior[i]);
                break;
            case Average:
                for (var i = 0; i < stride; i++) output[i] = (byte)(row[i] - (prior[i] >> 1));
                for (var i = stride; i < n; i++) output[i] = (byte)(row[i] - ((row[i - stride] + prior[i]) >> 1));
                break;
            default:
                for (var i = 0; i < stride; i++) output[i] = (byte)(row[i] - prior[i]);
                for (var i = stride; i < n; i++) output[i] = (byte)(row[i] - Predict(row[i - stride], prior[i], prior[i - stride]));
                break;
        }
    }

    /// <summary>
    /// The sum of the filtered bytes read as signed values' magnitudes: the "minimum sum of absolute
    /// differences" heuristic libpng and the PNG specification recommend for choosing a filter.
    /// </summary>
    public static long Cost(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (var b in filtered) sum += b < 128 ? b : 256 - b;
        return sum;
    }

    /// <summary>Paeth's predictor: whichever of a, b, c is closest to a + b - c (ties prefer a, then b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte Predict(int a, int b, int c)
    {
        var pa = Math.Abs(b - c);
        var pb = Math.Abs(a - c);
        var pc = Math.Abs(a + b - 2 * c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }

    // The hot path of most photos. Each byte depends on the decoded byte one pixel to the left, so the
    // work cannot run along the row; for pixels of 3 to 8 bytes it runs across the pixel's bytes in
    // 16-bit vector lanes instead (the first pixel needs no special case: with a = c = 0 the
    // predictor picks b). The caller guarantees prior.Length >= row.Length.
    static void UndoPaeth(Span<byte> row, ReadOnlySpan<byte> prior, int stride)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var p = ref MemoryMarshal.GetReference(prior);
        var n = row.Length;
        var i = 0;
        if (stride >= 3 && Vector128.IsHardwareAccelerated)
        {
            // 8-byte loads and stores; lanes past the pixel get no prediction, so the next pixel's
            // bytes are stored back unchanged.
            var own = Vector128.LessThan(Vector128.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((short)stride));
            var low = Vector128.Create((short)0xFF);
            Vector128<short> a = default, c = default;
            for (; i + 8 <= n; i += stride)
            {
                var b = Widen(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i)));
                var x = Widen(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, i)));
                var bc = b - c;
                var ac = a - c;
                var pa = Vector128.Abs(bc);
                var pb = Vector128.Abs(ac);
                var pc = Vector128.Abs(bc + ac);
                var least = Vector128.Min(pa, Vector128.Min(pb, pc));
                var predicted = Vector128.ConditionalSelect(Vector128.Equals(pa, least), a,
                    Vector128.ConditionalSelect(Vector128.Equals(pb, least), b, c));
                a = (x + (predicted & own)) & low;
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, i), Vector128.Narrow(a.AsUInt16(), a.AsUInt16()).AsUInt64().ToScalar());
                c = b;
            }
        }
        for (; i < stride && i < n; i++) Unsafe.Add(ref r, i) += Unsafe.Add(ref p, i);
        for (; i < n; i++)
        {
            int a = Unsafe.Add(ref r, i - stride), b = Unsafe.Add(ref p, i), c = Unsafe.Add(ref p, i - stride);
            int pa = b - c, pb = a - c, pc = pa + pb;
            pa = (pa ^ (pa >> 31)) - (pa >> 31);
            pb = (pb ^ (pb >> 31)) - (pb >> 31);
            pc = (pc ^ (pc >> 31)) - (pc >> 31);
            var notA = ((pb - pa) | (pc - pa)) >> 31;
            var useC = (pc - pb) >> 31;
            var bc = (b & ~useC) | (c & useC);
            Unsafe.Add(ref r, i) += (byte)((a & ~notA) | (bc & notA));
        }
    }

    static Vector128<short> Widen(ulong eightBytes) => Vector128.WidenLower(Vector128.CreateScalarUnsafe(eightBytes).AsByte()).AsInt16();

    static void AddUp(Span<byte> row, ReadOnlySpan<byte> prior)
    {
        var i = 0;
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var p = ref MemoryMarshal.GetReference(prior);
        if (Vector128.IsHardwareAccelerated && prior.Length >= row.Length)
            for (; i + Vector128<byte>.Count <= row.Length; i += Vector128<byte>.Count)
                (Vector128.LoadUnsafe(ref r, (nuint)i) + Vector128.LoadUnsafe(ref p, (nuint)i)).StoreUnsafe(ref r, (nuint)i);
        for (; i < row.Length; i++) row[i] += prior[i];
    }
}
