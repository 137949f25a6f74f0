using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using SegGanLab.Torch.Native;

namespace SegGanLab.Torch.Serialization;

/// <summary>
/// Reads and writes the safetensors format (<c>safetensors.torch.save_file</c>/<c>load_file</c> in
/// Python): an 8-byte little-endian header length N, N bytes of UTF-8 JSON naming each tensor's
/// dtype, shape and byte range, padded with spaces to a multiple of 8, then the tensors' raw
/// little-endian row-major bytes, back to back in the order written.
/// </summary>
public static class SafeTensors
{
    /// <summary>Tensor data moves between file and LibTorch in pieces of at most this size.</summary>
    const int ChunkBytes = 4 << 20;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/>, in the order given. The file is
    /// written beside the target under a temporary name, flushed to disk and then moved over the
    /// target, so readers see the old file or the complete new one, never a partial one. Tensors may
    /// live on any device and have any layout; their data is streamed a few MB at a time.
    /// </summary>
    /// <param name="tensors">Names and tensors, e.g. a state dict.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="metadata">Free-form string pairs stored under <c>__metadata__</c>.</param>
    /// <exception cref="ArgumentException">For an empty, duplicate or reserved (<c>__metadata__</c>) name, a null or disposed tensor, or text that is not valid Unicode.</exception>
    public static void Save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var entries = Describe(tensors);
        var header = BuildHeader(entries, metadata);
        var target = Path.GetFullPath(path);
        if (Path.GetFileName(target).Length == 0) throw new ArgumentException($"'{path}' names a folder, not a file.", nameof(path));
        // Hidden and unique, so a crash leaves nothing that looks like a checkpoint and concurrent saves do not collide.
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                WriteData(stream, entries);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>
    /// Loads every tensor of a safetensors file onto <paramref name="device"/> (default: the CPU).
    /// The returned file owns the tensors, outside any dispose scope: dispose it to free them, or
    /// take them over with <see cref="SafeTensorsFile.Detach"/>.
    /// </summary>
    /// <exception cref="SafeTensorsException">When the file is truncated, corrupt or not safetensors.</exception>
    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    public static SafeTensorsFile Load(string path, Device? device = null) => LoadTensors(path, device, joinDisposeScope: false);

    /// <summary>Reads and validates only the header: names, dtypes, shapes, offsets and metadata; no tensor is created.</summary>
    /// <exception cref="SafeTensorsException">When the file is truncated, corrupt or not safetensors.</exception>
    public static SafeTensorsHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        using var file = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        return SafeTensorsHeaderReader.Read(file, full);
    }

    /// <summary>Loads a file; with <paramref name="joinDisposeScope"/> the tensors stay in the current dispose scope like any new tensor.</summary>
    internal static SafeTensorsFile LoadTensors(string path, Device? device, bool joinDisposeScope)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        using var file = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var header = SafeTensorsHeaderReader.Read(file, full);
        var loaded = new List<KeyValuePair<string, Tensor>>(header.Tensors.Count);
        try
        {
            foreach (var info in header.Tensors)
            {
                var tensor = ReadTensor(file, header, info, device ?? Device.CPU);
                if (!joinDisposeScope) tensor.DetachFromDisposeScope();
                loaded.Add(new(info.Name, tensor));
            }
        }
        catch
        {
            foreach (var (_, tensor) in loaded) tensor.Dispose();
            throw;
        }
        return new SafeTensorsFile(full, loaded, header.Metadata);
    }

    static unsafe Tensor ReadTensor(SafeFileHandle file, SafeTensorsHeader header, SafeTensorInfo info, Device device)
    {
        // Native memory, because one tensor may exceed the 2 GB a .NET array can hold.
        var length = info.ByteLength;
        var buffer = (byte*)NativeMemory.Alloc((nuint)Math.Max(length, 1));
        try
        {
            for (long done = 0; done < length;)
            {
                var piece = new Span<byte>(buffer + done, (int)Math.Min(length - done, ChunkBytes));
                var n = SafeTensorsHeaderReader.ReadAll(file, piece, header.DataStart + info.Begin + done);
                if (n < piece.Length)
                    throw new SafeTensorsException(header.Path, $"the file ended while tensor '{info.Name}' was being read (it shrank after its header was read)", SafeTensorsHeaderReader.TruncatedFix);
                // LibTorch assumes bool bytes are 0 or 1; anything else would surface as wrong results far from here.
                if (info.DType == ScalarType.Bool && piece.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
                    throw new SafeTensorsException(header.Path, $"bool tensor '{info.Name}' holds the byte {piece[bad]} at element {done + bad}; bool elements must be 0 or 1",
                        "The data is corrupt; re-save the file.");
                done += n;
            }
            var shape = info.ShapeArray();
            return Tensor.Wrap(NativeMethods.sg_from_data(buffer, shape, shape.Length, (int)info.DType, (int)device.Type, device.NativeIndex, 0), $"load '{info.Name}'");
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }

    sealed record Entry(string Name, Tensor Tensor, string DType, long[] Shape, long Count, long Bytes);

    static List<Entry> Describe(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        var entries = new List<Entry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("Every tensor needs a non-empty name.", nameof(tensors));
            if (name == SafeTensorsHeaderReader.MetadataKey) throw new ArgumentException($"'{name}' is reserved for the file's metadata; rename the tensor.", nameof(tensors));
            CheckUnicode(name, $"tensor name '{name}'", nameof(tensors));
            if (!names.Add(name)) throw new ArgumentException($"Two tensors are named '{name}'; names must be unique.", nameof(tensors));
            if (tensor is null) throw new ArgumentException($"Tensor '{name}' is null.", nameof(tensors));
            if (tensor.IsInvalid) throw new ArgumentException($"Tensor '{name}' was disposed before it could be saved.", nameof(tensors));
            var dtype = tensor.dtype;
            var code = SafeTensorsDType.Name(dtype) ?? throw new ArgumentException($"Tensor '{name}' has dtype {dtype}, which safetensors cannot hold here; convert it with .to(...).", nameof(tensors));
            var shape = tensor.shape;
            var count = tensor.numel();
            entries.Add(new(name, tensor, code, shape, count, checked(count * dtype.ElementSize())));
        }
        return entries;
    }

    static byte[] BuildHeader(List<Entry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps non-ASCII names readable; the output is still plain valid JSON.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(SafeTensorsHeaderReader.MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    CheckUnicode(key, $"metadata key '{key}'", nameof(metadata));
                    if (value is null) throw new ArgumentException($"Metadata entry '{key}' is null; metadata values must be strings.", nameof(metadata));
                    CheckUnicode(value, $"metadata entry '{key}'", nameof(metadata));
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var e in entries)
            {
                json.WriteStartObject(e.Name);
                json.WriteString("dtype", e.DType);
                json.WriteStartArray("shape");
                foreach (var d in e.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += e.Bytes;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // Padding to a multiple of 8 keeps the data section aligned for readers that map the file.
        var padded = (buffer.WrittenCount + 7) & ~7;
        if (padded > SafeTensorsHeaderReader.MaxHeaderBytes)
            throw new ArgumentException($"The header would take {padded} bytes, more than readers accept ({SafeTensorsHeaderReader.MaxHeaderBytes}); save fewer tensors or less metadata per file.");
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    static void WriteData(Stream stream, List<Entry> entries)
    {
        using var noGrad = torch.no_grad();
        var buffer = new byte[Math.Min(ChunkBytes, entries.Count == 0 ? 0 : entries.Max(e => e.Bytes))];
        foreach (var e in entries)
        {
            if (e.Bytes == 0) continue;
            if (e.Bytes <= buffer.Length)
            {
                // CopyTo handles any device and layout; small tensors need no chunking.
                var all = buffer.AsSpan(0, (int)e.Bytes);
                e.Tensor.CopyTo(all);
                stream.Write(all);
                continue;
            }
            // Large tensors go through a flat view in pieces, so memory stays bounded by the chunk size
            // (reshape copies only when the layout is not contiguous).
            using var flat = e.Tensor.reshape(-1);
            var perChunk = ChunkBytes / (e.Bytes / e.Count);
            for (long start = 0; start < e.Count; start += perChunk)
            {
                var count = Math.Min(perChunk, e.Count - start);
                using var piece = flat.narrow(0, start, count);
                var bytes = buffer.AsSpan(0, (int)(e.Bytes / e.Count * count));
                piece.CopyTo(bytes);
                stream.Write(bytes);
            }
        }
    }

    static void CheckUnicode(string text, string what, string parameter)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"The {what} is not valid Unicode (it holds a lone surrogate).", parameter);
        }
    }
}
