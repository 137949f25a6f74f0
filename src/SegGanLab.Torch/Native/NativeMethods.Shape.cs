using System.Runtime.InteropServices;

namespace SegGanLab.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr sg_reshape(IntPtr a, ReadOnlySpan<long> shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_view(IntPtr a, ReadOnlySpan<long> shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_permute(IntPtr a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_expand(IntPtr a, ReadOnlySpan<long> shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_repeat(IntPtr a, ReadOnlySpan<long> repeats, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_flip(IntPtr a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_roll(IntPtr a, ReadOnlySpan<long> shifts, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr sg_transpose(IntPtr a, long dim0, long dim1);
    [LibraryImport(Lib)] internal static partial IntPtr sg_squeeze(IntPtr a);
    [LibraryImport(Lib)] internal static partial IntPtr sg_squeeze_dim(IntPtr a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr sg_unsqueeze(IntPtr a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr sg_flatten(IntPtr a, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr sg_narrow(IntPtr a, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr sg_slice(IntPtr a, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr sg_select(IntPtr a, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr sg_index_select(IntPtr a, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr sg_gather(IntPtr a, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr sg_scatter(IntPtr a, long dim, IntPtr index, IntPtr source);
    [LibraryImport(Lib)] internal static partial IntPtr sg_scatter_s(IntPtr a, long dim, IntPtr index, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr sg_scatter_add(IntPtr a, long dim, IntPtr index, IntPtr source);
    [LibraryImport(Lib)] internal static partial int sg_index_put_(IntPtr a, IntPtr index, IntPtr values);
    [LibraryImport(Lib)] internal static partial IntPtr sg_index_mask(IntPtr a, IntPtr mask);
    [LibraryImport(Lib)] internal static partial IntPtr sg_cat(ReadOnlySpan<IntPtr> tensors, int n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr sg_stack(ReadOnlySpan<IntPtr> tensors, int n, long dim);
    [LibraryImport(Lib)] internal static partial int sg_split(IntPtr a, long size, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial int sg_split_with_sizes(IntPtr a, ReadOnlySpan<long> sizes, int n, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial int sg_chunk(IntPtr a, long chunks, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial int sg_unbind(IntPtr a, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial IntPtr sg_pad(IntPtr a, ReadOnlySpan<long> pad, int n, int mode, double value);
    [LibraryImport(Lib)] internal static partial IntPtr sg_one_hot(IntPtr a, long numClasses);
    [LibraryImport(Lib)] internal static partial IntPtr sg_tril(IntPtr a, long k);
    [LibraryImport(Lib)] internal static partial IntPtr sg_triu(IntPtr a, long k);
    [LibraryImport(Lib)] internal static partial IntPtr sg_nonzero(IntPtr a);
    [LibraryImport(Lib)] internal static partial IntPtr sg_interpolate(IntPtr a, long outHeight, long outWidth, double scaleHeight, double scaleWidth, int mode, int alignCorners);
}
