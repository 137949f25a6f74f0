using System.Text;
using System.Text.Json;
using SegGanLab.Torch.Serialization;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Serialization;

[Collection(SerializationCollection.Name)]
public sealed class SafeTensorsRoundTripTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly long _liveAtStart = LiveTensors.Settled();

    public void Dispose()
    {
        _dir.Dispose();
        Assert.Equal(_liveAtStart, TensorStatistics.Live);
    }

    [Fact]
    public void SaveLoad_RoundTrips_EveryDtype_ZeroDimAndEmpty_BitForBit()
    {
        var path = _dir.File("all.safetensors");
        var saved = SampleTensors.EveryDtype();
        try
        {
            SafeTensors.Save(saved, path);
            using var file = SafeTensors.Load(path);
            SampleTensors.AssertSame(saved, file.Tensors);
            Assert.Empty(file["scalar"].shape);
            Assert.Equal(new long[] { 0, 3 }, file["empty.rows"].shape);
            Assert.All(file.Tensors, p => Assert.Equal(Device.CPU, p.Value.device));
            Assert.Empty(file.Metadata);
        }
        finally
        {
            SampleTensors.DisposeAll(saved);
        }
    }

    [Fact]
    public void SaveLoad_RoundTrips_Metadata_AndFilesWithoutTensors()
    {
        var path = _dir.File("meta.safetensors");
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["epoch"] = "12", ["note"] = "ünïcödé ✓ \"quoted\" \\ \n", [""] = "" };
        SafeTensors.Save([], path, metadata);
        using var file = SafeTensors.Load(path);
        Assert.Equal(0, file.Count);
        Assert.Equal(metadata.OrderBy(p => p.Key), file.Metadata.OrderBy(p => p.Key));
    }

    [Fact]
    public void Save_WritesTheSpecLayout_PaddedHeaderAndOffsetsInWriteOrder()
    {
        var path = _dir.File("layout.safetensors");
        using var b = ones([2, 2]);
        using var a = tensor(new long[] { 1, 2, 3 });
        using var c = zeros([0]);
        SafeTensors.Save([new("b", b), new("a", a), new("c", c)], path, new Dictionary<string, string> { ["k"] = "v" });

        var bytes = File.ReadAllBytes(path);
        var n = RawFile.HeaderLength(bytes);
        Assert.Equal(0, n % 8);
        Assert.Equal(8 + n + 16 + 24, bytes.Length);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, n));
        var root = header.RootElement;
        Assert.Equal("v", root.GetProperty("__metadata__").GetProperty("k").GetString());
        Assert.Equal("[0,16]", root.GetProperty("b").GetProperty("data_offsets").GetRawText());
        Assert.Equal("[16,40]", root.GetProperty("a").GetProperty("data_offsets").GetRawText());
        Assert.Equal("[40,40]", root.GetProperty("c").GetProperty("data_offsets").GetRawText());
        Assert.Equal("\"I64\"", root.GetProperty("a").GetProperty("dtype").GetRawText());
        Assert.Equal(BitConverter.GetBytes(1f), bytes.AsSpan(8 + n, 4).ToArray());
    }

    [Fact]
    public void Load_ReturnsTensorsInFileOrder_NotHeaderOrder()
    {
        var path = _dir.File("order.safetensors");
        var data = new byte[] { 1, 2, 3 };
        RawFile.Write(path, """{"z":{"dtype":"U8","shape":[1],"data_offsets":[2,3]},"y":{"dtype":"U8","shape":[0],"data_offsets":[2,2]},"x":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}""", data);
        using var file = SafeTensors.Load(path);
        Assert.Equal(["x", "y", "z"], file.Tensors.Select(p => p.Key));
        Assert.Equal(new byte[] { 3 }, file["z"].data<byte>());
        Assert.Equal(["x", "y", "z"], SafeTensors.ReadHeader(path).Tensors.Select(t => t.Name));
    }

    [Fact]
    public void Save_WritesNonContiguousTensors_RowMajor()
    {
        var path = _dir.File("views.safetensors");
        using var flat = arange(0, 12, dtype: ScalarType.Float32);
        using var grid = flat.reshape(3, 4);
        using var transposed = grid.t();
        using var stepped = grid.slice(1, 0, 4, 2);
        using var row = tensor(new long[] { 7, 8, 9 });
        using var expanded = row.expand(2, 3);
        SafeTensors.Save([new("t", transposed), new("s", stepped), new("e", expanded)], path);
        using var file = SafeTensors.Load(path);
        using var tc = transposed.contiguous();
        using var sc = stepped.contiguous();
        Assert.Equal(tc.data<float>(), file["t"].data<float>());
        Assert.Equal(sc.data<float>(), file["s"].data<float>());
        Assert.Equal(new long[] { 7, 8, 9, 7, 8, 9 }, file["e"].data<long>());
        Assert.Equal(new long[] { 4, 3 }, file["t"].shape);
    }

    [Fact]
    public void Save_StreamsTensorsLargerThanOneChunk_IncludingNonContiguousAndGradTracked()
    {
        var path = _dir.File("large.safetensors");
        // 12 MB each: three 4 MB pieces, and a transposed view that must be flattened first.
        using var big = randn([1000, 3000]).requires_grad_();
        using var bigT = big.t();
        using var bf16 = randn([2000, 3000], ScalarType.BFloat16);
        SafeTensors.Save([new("big", big), new("bigT", bigT), new("bf16", bf16)], path);
        using var file = SafeTensors.Load(path);
        using var bigTc = bigT.contiguous();
        Assert.True(SampleTensors.Bytes(big).AsSpan().SequenceEqual(SampleTensors.Bytes(file["big"])));
        Assert.True(SampleTensors.Bytes(bigTc).AsSpan().SequenceEqual(SampleTensors.Bytes(file["bigT"])));
        Assert.True(SampleTensors.Bytes(bf16).AsSpan().SequenceEqual(SampleTensors.Bytes(file["bf16"])));
        Assert.False(file["big"].requires_grad);
    }

    [Fact]
    public void Save_ReplacesAnExistingFile_AndLeavesNoTempFile()
    {
        var path = _dir.File("model.safetensors");
        File.WriteAllText(path, "an older checkpoint");
        using var w = full([3], 2.5);
        SafeTensors.Save([new("w", w)], path);
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
        using var file = SafeTensors.Load(path);
        Assert.Equal(new[] { 2.5f, 2.5f, 2.5f }, file["w"].data<float>());

        using var v = full([2], 4.0);
        SafeTensors.Save([new("v", v)], path);
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
        using var again = SafeTensors.Load(path);
        Assert.Equal(["v"], again.Tensors.Select(p => p.Key));
    }

    [Theory]
    [InlineData("", "non-empty name")]
    [InlineData("__metadata__", "reserved")]
    [InlineData("w", "Two tensors are named 'w'")]
    public void Save_Throws_OnBadNames_AndKeepsTheExistingFile(string secondName, string expected)
    {
        var path = _dir.File("keep.safetensors");
        File.WriteAllText(path, "previous contents");
        using var t = ones([2]);
        var e = Assert.Throws<ArgumentException>(() => SafeTensors.Save([new("w", t), new(secondName, t)], path));
        Assert.Contains(expected, e.Message);
        Assert.Equal("previous contents", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Save_Throws_OnDisposedTensorsAndInvalidText()
    {
        var path = _dir.File("bad.safetensors");
        var gone = ones([2]);
        gone.Dispose();
        Assert.Contains("disposed", Assert.Throws<ArgumentException>(() => SafeTensors.Save([new("gone", gone)], path)).Message);
        using var t = ones([1]);
        Assert.Throws<ArgumentException>(() => SafeTensors.Save([new("bad\ud800", t)], path));
        Assert.Throws<ArgumentException>(() => SafeTensors.Save([new("t", t)], path, new Dictionary<string, string> { ["k"] = "\udc00" }));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void ReadHeader_ReturnsNamesDtypesShapesAndOffsets_WithoutCreatingTensors()
    {
        var path = _dir.File("header.safetensors");
        using (var a = zeros([2, 3], ScalarType.Float16))
        using (var b = zeros([4], ScalarType.Int32))
            SafeTensors.Save([new("a", a), new("b", b)], path, new Dictionary<string, string> { ["epoch"] = "3" });
        var created = TensorStatistics.Created;
        var header = SafeTensors.ReadHeader(path);
        Assert.Equal(created, TensorStatistics.Created);
        Assert.Equal(Path.GetFullPath(path), header.Path);
        Assert.Equal(["a F16 [2, 3]", "b I32 [4]"], header.Tensors.Select(t => t.ToString()));
        Assert.Equal(ScalarType.Int32, header.Tensors[1].DType);
        Assert.Equal([12L, 28L], new[] { header.Tensors[1].Begin, header.Tensors[1].End });
        Assert.Equal("3", header.Metadata["epoch"]);
        Assert.Equal(header.DataStart + 28, new FileInfo(path).Length);
    }

    [Fact]
    public void Detach_HandsOverTheTensors_AndDisposeNoLongerFreesThem()
    {
        var path = _dir.File("detach.safetensors");
        using (var a = ones([2]))
        using (var b = zeros([3]))
            SafeTensors.Save([new("a", a), new("b", b)], path);
        var file = SafeTensors.Load(path);
        var tensors = file.Detach();
        file.Dispose();
        Assert.Equal(["a", "b"], tensors.Keys);
        Assert.Equal(new float[] { 1, 1 }, tensors["a"].data<float>());
        Assert.Throws<ObjectDisposedException>(() => file.Tensors);
        Assert.Throws<ObjectDisposedException>(() => file.Detach());
        SampleTensors.DisposeAll(tensors);
    }

    [Fact]
    public void Dispose_FreesEveryTensor_AndLaterAccessSaysWhy()
    {
        var path = _dir.File("dispose.safetensors");
        var saved = SampleTensors.EveryDtype();
        SafeTensors.Save(saved, path);
        SampleTensors.DisposeAll(saved);
        var live = LiveTensors.Settled();   // no earlier garbage left to be finalized mid-test
        var file = SafeTensors.Load(path);
        Assert.Equal(live + saved.Count, TensorStatistics.Live);
        var first = file.Tensors[0].Value;
        file.Dispose();
        Assert.Equal(live, TensorStatistics.Live);
        Assert.True(first.IsInvalid);
        Assert.Contains("disposed", Assert.Throws<ObjectDisposedException>(() => file["f64"]).Message);
    }

    [Fact]
    public void Load_InsideADisposeScope_LeavesTheTensorsToTheFile()
    {
        var path = _dir.File("scope.safetensors");
        using (var a = ones([2]))
            SafeTensors.Save([new("a", a)], path);
        SafeTensorsFile file;
        using (NewDisposeScope())
            file = SafeTensors.Load(path);
        using (file)
            Assert.Equal(new float[] { 1, 1 }, file["a"].data<float>());
    }

    [Fact]
    public void TorchSaveLoad_RoundTrip_InOrder_AndLoadedTensorsJoinTheDisposeScope()
    {
        var path = _dir.File("torch.safetensors");
        var saved = SampleTensors.EveryDtype();
        save(saved, path);
        var loaded = load(path);
        SampleTensors.AssertSame(saved, loaded);
        SampleTensors.DisposeAll(saved);
        SampleTensors.DisposeAll(loaded);

        var live = LiveTensors.Settled();   // no earlier garbage left to be finalized mid-test
        using (NewDisposeScope())
        {
            var inScope = load(path);
            Assert.Equal(live + inScope.Count, TensorStatistics.Live);
        }
        Assert.Equal(live, TensorStatistics.Live);
    }

    [Fact]
    public void Indexer_Throws_ListingTheNames_WhenTheTensorIsMissing()
    {
        var path = _dir.File("names.safetensors");
        using (var a = ones([1]))
            SafeTensors.Save([new("encoder.weight", a)], path);
        using var file = SafeTensors.Load(path);
        var e = Assert.Throws<KeyNotFoundException>(() => file["decoder.weight"]);
        Assert.Contains("encoder.weight", e.Message);
        Assert.False(file.ContainsKey("decoder.weight"));
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound_NotAFormatError()
    {
        Assert.Throws<FileNotFoundException>(() => SafeTensors.Load(_dir.File("absent.safetensors")));
        Assert.Throws<FileNotFoundException>(() => SafeTensors.ReadHeader(_dir.File("absent.safetensors")));
    }

    [Fact]
    public void Save_KeepsNonAsciiNamesReadable_AsUtf8()
    {
        var path = _dir.File("utf8.safetensors");
        using var t = ones([1]);
        SafeTensors.Save([new("décodeur.\"poids\"", t)], path);
        var bytes = File.ReadAllBytes(path);
        Assert.Contains("décodeur.\\\"poids\\\"", Encoding.UTF8.GetString(bytes, 8, RawFile.HeaderLength(bytes)));
        using var file = SafeTensors.Load(path);
        Assert.Equal("décodeur.\"poids\"", file.Tensors[0].Key);
    }
}
