using System.Text.Json;
using SegGanLab.Torch.Serialization;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Serialization;

/// <summary>
/// Files cross between SegGanLab and real Python (Debian's /usr/bin/python3 with numpy and torch),
/// through the checked-in scripts in this folder: read_safetensors.py decodes with json + numpy
/// only, write_safetensors.py encodes PyTorch tensors by hand.
/// </summary>
[Collection(SerializationCollection.Name)]
public sealed class SafeTensorsInteropTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly long _liveAtStart = LiveTensors.Settled();

    public void Dispose()
    {
        _dir.Dispose();
        Assert.Equal(_liveAtStart, TensorStatistics.Live);
    }

    [Fact]
    public void PythonNumpyReader_ReadsWhatCSharpWrote_EveryDtypeValueAndMetadata()
    {
        var path = _dir.File("from-csharp.safetensors");
        var tensors = SampleTensors.EveryDtype();
        using var flat = arange(0, 6, dtype: ScalarType.Float64);
        using var grid = flat.reshape(2, 3);
        tensors.Add(new("transposed.f64", grid.t()));
        tensors.Add(new("décodeur.\"poids\"\\1", ones([2], ScalarType.Float16)));
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcödé ✓" };
        try
        {
            SafeTensors.Save(tensors, path, metadata);
            using var printed = Python.RunScript("read_safetensors.py", path);
            var root = printed.RootElement;
            Assert.Equal(metadata.OrderBy(p => p.Key), root.GetProperty("metadata").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(p => p.Key));
            AssertMatches(root.GetProperty("tensors"), tensors);
        }
        finally
        {
            SampleTensors.DisposeAll(tensors);
        }
    }

    [Fact]
    public void CSharp_LoadsWhatPythonTorchWrote_InFileOrder()
    {
        var path = _dir.File("from-python.safetensors");
        using var printed = Python.RunScript("write_safetensors.py", path);
        var root = printed.RootElement;
        using var file = SafeTensors.Load(path);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal("write_safetensors.py", file.Metadata["writer"]);
        AssertMatches(root.GetProperty("tensors"), file.Tensors);
        Assert.Contains(file.Tensors, p => p.Value.dtype == ScalarType.BFloat16);
        Assert.Contains(file.Tensors, p => p.Value.dtype == ScalarType.Bool);
    }

    /// <summary>Same names in the same order, dtypes, shapes and values as the script printed.</summary>
    static void AssertMatches(JsonElement printed, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        var entries = printed.EnumerateArray().ToArray();
        Assert.Equal(entries.Select(e => e.GetProperty("name").GetString()), tensors.Select(p => p.Key));
        for (var k = 0; k < entries.Length; k++)
        {
            var (name, tensor) = tensors[k];
            Assert.Equal(entries[k].GetProperty("dtype").GetString(), Python.Code(tensor.dtype));
            Assert.Equal(entries[k].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), tensor.shape);
            Python.AssertValues(entries[k].GetProperty("values"), tensor, name);
        }
    }
}
