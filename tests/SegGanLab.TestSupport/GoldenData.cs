using System.Text.Json;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Tests.Golden;

/// <summary>
/// A golden file written by a checked-in PyTorch script under tests/golden/ and copied next to
/// the test assembly in Golden/: {"torch_version", "seed", "cases": {name: {"inputs", "params",
/// "outputs"}}}. Each file is parsed once per test run; tensors are built fresh for every request.
/// </summary>
public sealed class GoldenFile
{
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GoldenFile> Cache = new();
    readonly Lazy<JsonDocument> _document;

    GoldenFile(string fileName)
    {
        FileName = fileName;
        _document = new(() => Load(fileName), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The golden file <paramref name="fileName"/> in the test assembly's Golden/ folder.</summary>
    public static GoldenFile Open(string fileName) => Cache.GetOrAdd(fileName, n => new GoldenFile(n));

    /// <summary>The file's name inside Golden/.</summary>
    public string FileName { get; }

    /// <summary>The PyTorch version that wrote the file.</summary>
    public string TorchVersion => _document.Value.RootElement.GetProperty("torch_version").GetString()!;

    /// <summary>The names of every case in the file.</summary>
    public IReadOnlyList<string> CaseNames =>
        _document.Value.RootElement.GetProperty("cases").EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>One case by name; throws with the list of known names when it is missing.</summary>
    public GoldenCase Case(string name)
    {
        var cases = _document.Value.RootElement.GetProperty("cases");
        if (!cases.TryGetProperty(name, out var c))
            throw new KeyNotFoundException($"{FileName} has no case '{name}'. Known: {string.Join(", ", CaseNames)}");
        return new GoldenCase(name, c);
    }

    static JsonDocument Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Golden data not found at {path}; the test project copies its Golden/ folder to the output (see tests/golden/README.md).", path);
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream);
    }
}

/// <summary>The tensor layer's golden file, Golden/golden.json (tests/golden/make_golden.py).</summary>
public static class GoldenData
{
    static GoldenFile File => GoldenFile.Open("golden.json");

    /// <summary>The PyTorch version that wrote the file.</summary>
    public static string TorchVersion => File.TorchVersion;

    /// <summary>The names of every case in the file.</summary>
    public static IReadOnlyList<string> CaseNames => File.CaseNames;

    /// <summary>One case by name.</summary>
    public static GoldenCase Case(string name) => File.Case(name);
}

/// <summary>A stored tensor: shape, dtype name and flat row-major values (as doubles, longs or bools).</summary>
public sealed class GoldenTensor
{
    internal GoldenTensor(string name, JsonElement e)
    {
        Name = name;
        Shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        DType = e.GetProperty("dtype").GetString() switch
        {
            "float32" => ScalarType.Float32,
            "float64" => ScalarType.Float64,
            "int64" => ScalarType.Int64,
            "bool" => ScalarType.Bool,
            var other => throw new NotSupportedException($"golden tensor '{name}' has unsupported dtype {other}"),
        };
        Element = e.GetProperty("data");
    }

    readonly JsonElement Element;

    /// <summary>The input or output name.</summary>
    public string Name { get; }
    /// <summary>The sizes.</summary>
    public long[] Shape { get; }
    /// <summary>The element type.</summary>
    public ScalarType DType { get; }

    /// <summary>The values of a floating-point tensor (float32 values are exact doubles of floats).</summary>
    public double[] Doubles => Element.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    /// <summary>The values of an int64 tensor.</summary>
    public long[] Longs => Element.EnumerateArray().Select(v => v.GetInt64()).ToArray();
    /// <summary>The values of a bool tensor.</summary>
    public bool[] Bools => Element.EnumerateArray().Select(v => v.GetBoolean()).ToArray();

    /// <summary>A new tensor holding the stored values, with the stored dtype.</summary>
    public Tensor ToTensor(bool requiresGrad = false)
    {
        var t = DType switch
        {
            ScalarType.Float64 => tensor(Doubles, Shape),
            ScalarType.Float32 => tensor(Doubles.Select(v => (float)v).ToArray(), Shape),
            ScalarType.Int64 => tensor(Longs, Shape),
            ScalarType.Bool => tensor(Bools, Shape),
            _ => throw new NotSupportedException(DType.ToString()),
        };
        return requiresGrad ? t.requires_grad_() : t;
    }
}

/// <summary>One golden case: named inputs, parameters and expected outputs.</summary>
public sealed class GoldenCase
{
    readonly JsonElement _case;

    internal GoldenCase(string name, JsonElement c)
    {
        Name = name;
        _case = c;
    }

    /// <summary>The case name.</summary>
    public string Name { get; }

    /// <summary>The names of the stored inputs.</summary>
    public IReadOnlyList<string> InputNames => _case.GetProperty("inputs").EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>The names of the stored outputs.</summary>
    public IReadOnlyList<string> OutputNames => _case.GetProperty("outputs").EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A stored input.</summary>
    public GoldenTensor InputData(string name) => new(name, Get(_case.GetProperty("inputs"), name, "input"));

    /// <summary>A stored expected output.</summary>
    public GoldenTensor Output(string name) => new(name, Get(_case.GetProperty("outputs"), name, "output"));

    /// <summary>A new tensor for input <paramref name="name"/>, optionally requiring grad.</summary>
    public Tensor Input(string name, bool requiresGrad = false) => InputData(name).ToTensor(requiresGrad);

    /// <summary>Every input as a new tensor; those named in <paramref name="differentiated"/> require grad.</summary>
    public Dictionary<string, Tensor> Inputs(params string[] differentiated) =>
        InputNames.ToDictionary(n => n, n => Input(n, differentiated.Contains(n)));

    /// <summary>The raw params element (nested objects, lists, scalars).</summary>
    public JsonElement Params => _case.GetProperty("params");

    /// <summary>A parameter, following a path of nested keys: <c>Param("out_align", "mode")</c>.</summary>
    public JsonElement Param(params string[] path)
    {
        var e = Params;
        foreach (var key in path) e = Get(e, key, "param");
        return e;
    }

    /// <summary>An integral parameter.</summary>
    public long Long(params string[] path) => Param(path).GetInt64();
    /// <summary>A floating-point parameter.</summary>
    public double Double(params string[] path) => Param(path).GetDouble();
    /// <summary>A boolean parameter.</summary>
    public bool Bool(params string[] path) => Param(path).GetBoolean();
    /// <summary>A string parameter.</summary>
    public string String(params string[] path) => Param(path).GetString()!;
    /// <summary>A list-of-integers parameter.</summary>
    public long[] Longs(params string[] path) => Param(path).EnumerateArray().Select(v => v.GetInt64()).ToArray();

    /// <summary>A two-element integer list parameter (kernel size, stride, ...) as a (height, width) pair.</summary>
    public (long, long) Pair(params string[] path)
    {
        var v = Longs(path);
        if (v.Length != 2) throw new InvalidDataException($"{Name}: param {string.Join(".", path)} has {v.Length} elements, expected 2");
        return (v[0], v[1]);
    }

    /// <summary>The reduction parameter as the binding's enum.</summary>
    public Reduction Reduction(params string[] path) => String(path.Length == 0 ? ["reduction"] : path) switch
    {
        "mean" => SegGanLab.Torch.Reduction.Mean,
        "sum" => SegGanLab.Torch.Reduction.Sum,
        "none" => SegGanLab.Torch.Reduction.None,
        var r => throw new InvalidDataException($"{Name}: unknown reduction {r}"),
    };

    JsonElement Get(JsonElement parent, string key, string what) =>
        parent.TryGetProperty(key, out var v)
            ? v
            : throw new KeyNotFoundException($"golden case '{Name}' has no {what} '{key}'. Known: {string.Join(", ", parent.EnumerateObject().Select(p => p.Name))}");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
