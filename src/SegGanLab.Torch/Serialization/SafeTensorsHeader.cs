namespace SegGanLab.Torch.Serialization;

/// <summary>One tensor's entry in a safetensors header: name, dtype, shape and where its bytes lie.</summary>
public sealed class SafeTensorInfo
{
    readonly long[] _shape;

    internal SafeTensorInfo(string name, ScalarType dtype, long[] shape, long begin, long end)
    {
        Name = name;
        DType = dtype;
        _shape = shape;
        Shape = Array.AsReadOnly(shape);
        Begin = begin;
        End = end;
    }

    /// <summary>The tensor's name (a state-dict key such as <c>encoder.0.weight</c>).</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public ScalarType DType { get; }

    /// <summary>The sizes of every dimension (empty for a 0-d tensor).</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Where the tensor's bytes start, counted from the start of the data section.</summary>
    public long Begin { get; }

    /// <summary>Where the tensor's bytes end (exclusive), counted from the start of the data section.</summary>
    public long End { get; }

    /// <summary>The number of bytes the tensor occupies: element count times element size.</summary>
    public long ByteLength => End - Begin;

    /// <summary>The shape as a fresh array, for tensor factories.</summary>
    internal long[] ShapeArray() => (long[])_shape.Clone();

    /// <summary>For example <c>encoder.weight F32 [8, 3, 3, 3]</c>.</summary>
    public override string ToString() => $"{Name} {SafeTensorsDType.Name(DType)} [{string.Join(", ", _shape)}]";
}

/// <summary>
/// The header of a safetensors file, read by <see cref="SafeTensors.ReadHeader"/> without
/// loading any tensor data. It has been fully validated: the offsets tile the data section
/// exactly and match each shape and dtype.
/// </summary>
public sealed class SafeTensorsHeader
{
    internal SafeTensorsHeader(string path, IReadOnlyList<SafeTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        Path = path;
        Tensors = tensors;
        Metadata = metadata;
        DataStart = dataStart;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>Every tensor, in file order (by data offset), which is the order they were written in.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors { get; }

    /// <summary>The free-form string pairs stored under <c>__metadata__</c> (empty when there are none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The byte position in the file where the data section starts (8 plus the header length).</summary>
    public long DataStart { get; }
}

/// <summary>The safetensors dtype codes and the <see cref="ScalarType"/> each one holds.</summary>
internal static class SafeTensorsDType
{
    /// <summary>Every supported code, for error messages.</summary>
    internal const string Supported = "F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL";

    internal static bool TryParse(string code, out ScalarType type)
    {
        ScalarType? parsed = code switch
        {
            "F64" => ScalarType.Float64,
            "F32" => ScalarType.Float32,
            "F16" => ScalarType.Float16,
            "BF16" => ScalarType.BFloat16,
            "I64" => ScalarType.Int64,
            "I32" => ScalarType.Int32,
            "I16" => ScalarType.Int16,
            "I8" => ScalarType.Int8,
            "U8" => ScalarType.Byte,
            "BOOL" => ScalarType.Bool,
            _ => null,
        };
        type = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>The code for <paramref name="type"/>, or null for a dtype safetensors cannot hold here.</summary>
    internal static string? Name(ScalarType type) => type switch
    {
        ScalarType.Float64 => "F64",
        ScalarType.Float32 => "F32",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => null,
    };
}
