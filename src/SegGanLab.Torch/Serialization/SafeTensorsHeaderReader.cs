using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace SegGanLab.Torch.Serialization;

/// <summary>
/// Reads and validates the header of a safetensors file. Every way a file can be wrong becomes a
/// <see cref="SafeTensorsException"/> before any tensor memory is allocated, so a corrupt file can
/// neither crash the reader nor make it allocate more than the file holds.
/// </summary>
internal static class SafeTensorsHeaderReader
{
    internal const string MetadataKey = "__metadata__";

    /// <summary>The reference implementation's limit; larger headers are rejected before being read.</summary>
    internal const long MaxHeaderBytes = 100_000_000;

    /// <summary>No real checkpoint comes close; the limit keeps a corrupt header from making absurd tensors.</summary>
    internal const int MaxDimensions = 64;

    internal const string TruncatedFix = "The file is truncated (an interrupted download or copy?); re-download or re-save it.";
    const string CorruptFix = "The header is corrupt; re-save the file with a safetensors writer (SafeTensors.Save here, safetensors.torch.save_file in Python).";

    internal static SafeTensorsHeader Read(SafeFileHandle file, string path)
    {
        var fileLength = RandomAccess.GetLength(file);
        Span<byte> prefix = stackalloc byte[8];
        if (ReadAll(file, prefix, 0) < prefix.Length)
            throw new SafeTensorsException(path, $"the file is only {fileLength} bytes long, shorter than the 8-byte header length every safetensors file starts with",
                "The file is truncated or empty; re-download or re-save it.");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes)
            throw new SafeTensorsException(path, $"the header length field says {headerLength} bytes, more than the {MaxHeaderBytes / 1_000_000} MB a safetensors header may have",
                Sniff(prefix) ?? "The file is corrupt or not a safetensors file; check the path, or re-save the file.");
        if ((long)headerLength > fileLength - 8)
            throw new SafeTensorsException(path, $"the header length field says {headerLength} bytes but only {fileLength - 8} bytes follow it",
                Sniff(prefix) ?? TruncatedFix);

        var header = new byte[headerLength];
        if (ReadAll(file, header, 8) < header.Length)
            throw new SafeTensorsException(path, "the file ended while its header was being read", TruncatedFix);
        var dataStart = 8 + (long)headerLength;
        return Parse(header, path, dataStart, fileLength - dataStart);
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; returns fewer bytes only at the end of the file.</summary>
    internal static int ReadAll(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(file, buffer[total..], offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    static SafeTensorsHeader Parse(byte[] header, string path, long dataStart, long dataLength)
    {
        if (!Utf8.IsValid(header))
        {
            var at = FirstInvalidUtf8(header);
            throw new SafeTensorsException(path, $"the header is not valid UTF-8 (byte 0x{header[at]:X2} at header offset {at})", CorruptFix);
        }
        // Valid JSON that opens with '{' is an object; checking the first byte also gives a clearer
        // message than the JSON parser for the most common mistake, a file in some other format.
        if (header.Length == 0 || header[0] != (byte)'{')
            throw new SafeTensorsException(path, $"the header does not start with '{{' but with {Preview(header)}", CorruptFix);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new SafeTensorsException(path, $"the header is not valid JSON ({e.Message.TrimEnd('.')})", CorruptFix, e);
        }

        using (document)
        {
            var entries = new List<SafeTensorInfo>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, string>? metadata = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = Text(() => property.Name, path, "a tensor name");
                if (name == MetadataKey)
                {
                    if (metadata is not null) throw new SafeTensorsException(path, $"the header has two '{MetadataKey}' entries", CorruptFix);
                    metadata = ParseMetadata(property.Value, path);
                }
                else if (!names.Add(name)) throw new SafeTensorsException(path, $"the header names tensor '{name}' twice", CorruptFix);
                else entries.Add(ParseEntry(name, property.Value, path, dataLength));
            }
            var ordered = CheckLayout(entries, path, dataLength);
            return new SafeTensorsHeader(path, Array.AsReadOnly(ordered), metadata ?? ReadOnlyDictionary<string, string>.Empty, dataStart);
        }
    }

    static SafeTensorInfo ParseEntry(string name, JsonElement entry, string path, long dataLength)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw new SafeTensorsException(path, $"the entry for tensor '{name}' is {Kind(entry)}, not an object with dtype, shape and data_offsets", CorruptFix);
        JsonElement? dtype = null, shape = null, offsets = null;
        foreach (var field in entry.EnumerateObject())
        {
            // Unknown fields are ignored, as the reference implementation does.
            ref var slot = ref dtype;
            if (field.NameEquals("shape")) slot = ref shape;
            else if (field.NameEquals("data_offsets")) slot = ref offsets;
            else if (!field.NameEquals("dtype")) continue;
            if (slot is not null) throw new SafeTensorsException(path, $"the entry for tensor '{name}' has two '{field.Name}' fields", CorruptFix);
            slot = field.Value;
        }
        if (dtype is not { ValueKind: JsonValueKind.String } code)
            throw new SafeTensorsException(path, $"tensor '{name}' has {Missing(dtype)} dtype, not a string such as \"F32\"", CorruptFix);
        var dtypeCode = Text(code.GetString, path, $"the dtype of tensor '{name}'")!;
        if (!SafeTensorsDType.TryParse(dtypeCode, out var type))
            throw new SafeTensorsException(path, $"tensor '{name}' has dtype '{dtypeCode}', which SegGanLab cannot load (it supports {SafeTensorsDType.Supported})",
                "Convert that tensor to a supported dtype before saving it (in Python: tensor.to(torch.float32) or tensor.to(torch.int64)).");

        var dims = Integers(shape, path, name, "shape", MaxDimensions);
        var range = Integers(offsets, path, name, "data_offsets", 2);
        if (range.Length != 2 || range[0] > range[1])
            throw new SafeTensorsException(path, $"tensor '{name}' has data_offsets [{string.Join(", ", range)}], not a [begin, end] pair with begin <= end", CorruptFix);

        long bytes;
        try
        {
            long count = 1;
            foreach (var d in dims) count = checked(count * d);
            bytes = checked(count * type.ElementSize());
        }
        catch (OverflowException)
        {
            throw new SafeTensorsException(path, $"tensor '{name}' has shape [{string.Join(", ", dims)}], too large to exist", CorruptFix);
        }
        var spec = $"tensor '{name}' ({dtypeCode} [{string.Join(", ", dims)}])";
        if (range[1] - range[0] != bytes)
            throw new SafeTensorsException(path, $"{spec} needs {bytes} bytes but its data_offsets [{range[0]}, {range[1]}] span {range[1] - range[0]}", CorruptFix);
        if (range[1] > dataLength)
            throw new SafeTensorsException(path, $"{spec} lies at data bytes {range[0]} to {range[1]} but the file holds only {dataLength} data bytes", TruncatedFix);
        return new SafeTensorInfo(name, type, dims, range[0], range[1]);
    }

    /// <summary>Sorts by offset and checks that the tensors tile the data section with no gap, overlap or leftover.</summary>
    static SafeTensorInfo[] CheckLayout(List<SafeTensorInfo> entries, string path, long dataLength)
    {
        // OrderBy is stable: empty tensors that share an offset keep their header order, which is the order written.
        var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToArray();
        long expected = 0;
        SafeTensorInfo? previous = null;
        foreach (var info in ordered)
        {
            if (info.Begin < expected)
                throw new SafeTensorsException(path, $"the data of tensors '{previous!.Name}' (bytes {previous.Begin} to {previous.End}) and '{info.Name}' (bytes {info.Begin} to {info.End}) overlap", CorruptFix);
            if (info.Begin > expected)
                throw new SafeTensorsException(path, $"data bytes {expected} to {info.Begin}, before tensor '{info.Name}', belong to no tensor", CorruptFix);
            expected = info.End;
            previous = info;
        }
        if (expected < dataLength)
            throw new SafeTensorsException(path, $"the file has {dataLength - expected} bytes after the last tensor's data",
                "Something was appended to the file, or its header lost entries; re-save it.");
        return ordered;
    }

    static IReadOnlyDictionary<string, string> ParseMetadata(JsonElement element, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Null) return result.AsReadOnly();
        if (element.ValueKind != JsonValueKind.Object)
            throw new SafeTensorsException(path, $"'{MetadataKey}' is {Kind(element)}, not an object of strings", CorruptFix);
        foreach (var property in element.EnumerateObject())
        {
            var key = Text(() => property.Name, path, "a metadata key");
            if (property.Value.ValueKind != JsonValueKind.String)
                throw new SafeTensorsException(path, $"metadata entry '{key}' is {Kind(property.Value)}, but metadata values must be strings", CorruptFix);
            if (!result.TryAdd(key, Text(property.Value.GetString, path, $"metadata entry '{key}'")!))
                throw new SafeTensorsException(path, $"the metadata names '{key}' twice", CorruptFix);
        }
        return result.AsReadOnly();
    }

    static long[] Integers(JsonElement? element, string path, string tensor, string field, int maxCount)
    {
        if (element is not { ValueKind: JsonValueKind.Array } array)
            throw new SafeTensorsException(path, $"tensor '{tensor}' has {Missing(element)} {field}, not an array of integers", CorruptFix);
        var length = array.GetArrayLength();
        if (length > maxCount)
            throw new SafeTensorsException(path, $"tensor '{tensor}' has {length} {field} entries, more than the {maxCount} allowed", CorruptFix);
        var values = new long[length];
        var k = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
                throw new SafeTensorsException(path, $"tensor '{tensor}' has {field} entry {item.GetRawText()}, not a non-negative 64-bit integer", CorruptFix);
            values[k++] = v;
        }
        return values;
    }

    /// <summary>Reads a JSON string; one holding an escaped lone surrogate cannot become a .NET string.</summary>
    static string Text(Func<string?> read, string path, string what)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException e)
        {
            throw new SafeTensorsException(path, $"{what} in the header is not valid Unicode text", CorruptFix, e);
        }
    }

    static string Missing(JsonElement? element) => element is { } e ? $"{Kind(e)} as" : "no";

    static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out var used) == System.Buffers.OperationStatus.Done) at += used;
        return Math.Min(at, bytes.Length - 1);
    }

    static string Preview(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "nothing (the header is empty)" : $"bytes {Convert.ToHexString(bytes[..Math.Min(bytes.Length, 16)])}";

    /// <summary>Advice for files in formats that are often mistaken for safetensors, from their first bytes.</summary>
    static string? Sniff(ReadOnlySpan<byte> first)
    {
        const string convert = "convert it in Python with safetensors.torch.save_file(torch.load(path), \"model.safetensors\").";
        if (first.StartsWith("PK\x03\x04"u8)) return "It looks like a zip archive, which is what PyTorch's torch.save writes (.pt/.pth); " + convert;
        if (first[0] == 0x80 && first[1] is >= 2 and <= 5) return "It looks like a Python pickle (an old torch.save checkpoint); " + convert;
        if (first[0] == 0x93 && first[1..].StartsWith("NUMPY"u8)) return "It looks like a NumPy .npy file; load it with numpy and save it with safetensors.numpy.save_file.";
        if (first.StartsWith("GGUF"u8)) return "It looks like a GGUF file (llama.cpp), which SegGanLab cannot read.";
        if (first[0] == 0x89 && first[1..].StartsWith("HDF"u8)) return "It looks like an HDF5 file (Keras .h5), which SegGanLab cannot read.";
        return null;
    }
}
