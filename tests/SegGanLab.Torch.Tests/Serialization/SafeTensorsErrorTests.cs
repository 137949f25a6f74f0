using System.Buffers.Binary;
using System.Text;
using SegGanLab.Torch.Serialization;
using Xunit;

namespace SegGanLab.Torch.Tests.Serialization;

[Collection(SerializationCollection.Name)]
public sealed class SafeTensorsErrorTests : IDisposable
{
    readonly TempDir _dir = new();
    readonly long _liveAtStart = LiveTensors.Settled();
    readonly string _path;

    public SafeTensorsErrorTests() => _path = _dir.File("broken.safetensors");

    public void Dispose()
    {
        _dir.Dispose();
        Assert.Equal(_liveAtStart, TensorStatistics.Live);
    }

    /// <summary>A valid file with every dtype and some metadata.</summary>
    byte[] ValidFile()
    {
        var source = _dir.File("valid.safetensors");
        var tensors = SampleTensors.EveryDtype();
        try
        {
            SafeTensors.Save(tensors, source, new Dictionary<string, string> { ["format"] = "pt" });
        }
        finally
        {
            SampleTensors.DisposeAll(tensors);
        }
        return File.ReadAllBytes(source);
    }

    /// <summary>Loads <paramref name="bytes"/> from the test file and returns the error, which must name the file.</summary>
    SafeTensorsException LoadFails(byte[] bytes)
    {
        File.WriteAllBytes(_path, bytes);
        var e = Assert.Throws<SafeTensorsException>(() => SafeTensors.Load(_path).Dispose());
        Assert.Equal(_path, e.FilePath);
        Assert.Contains($"'{_path}'", e.Message);
        // The header reader must agree with the loader on every header problem.
        if (!e.Problem.StartsWith("bool tensor", StringComparison.Ordinal))
            Assert.Equal(e.Message, Assert.Throws<SafeTensorsException>(() => SafeTensors.ReadHeader(_path)).Message);
        return e;
    }

    SafeTensorsException LoadFails(string header, int dataBytes = 0) => LoadFails(RawFile.Build(header, new byte[dataBytes]));

    [Fact]
    public void Load_Throws_NamingFile_WhenTruncated_AtEveryLength()
    {
        var valid = ValidFile();
        for (var length = 0; length < valid.Length; length++)
            Assert.Contains("truncated", LoadFails(valid[..length]).Message);
    }

    [Fact]
    public void Load_Throws_WhenHeaderLengthExceedsTheFile()
    {
        var bytes = RawFile.Build("{}");
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);
        Assert.Contains("says 1000 bytes but only 2 bytes follow it", LoadFails(bytes).Message);
    }

    [Fact]
    public void Load_Throws_WhenHeaderIsOver100MB_WithoutReadingIt()
    {
        var bytes = RawFile.Build("{}");
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 100_000_001);
        Assert.Contains("more than the 100 MB", LoadFails(bytes).Message);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        Assert.Contains("more than the 100 MB", LoadFails(bytes).Message);
    }

    [Fact]
    public void Load_Throws_WithConversionAdvice_ForTorchSaveZipFiles()
    {
        var zip = new byte[64];
        "PK\x03\x04"u8.CopyTo(zip);
        var e = LoadFails(zip);
        Assert.Contains("torch.save", e.Message);
        Assert.Contains("safetensors.torch.save_file", e.Message);
    }

    [Fact]
    public void Load_Throws_WhenHeaderIsNotUtf8()
    {
        var header = Encoding.UTF8.GetBytes("""{"ab":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}""");
        header[3] = 0xFF;
        Assert.Contains("not valid UTF-8 (byte 0xFF at header offset 3)", LoadFails(RawFile.Build(header, [])).Message);
    }

    [Theory]
    [InlineData("", 0, "does not start with '{' but with nothing")]
    [InlineData("[1, 2]", 0, "does not start with '{'")]
    [InlineData(" {}", 0, "does not start with '{'")]
    [InlineData("{not json}", 0, "not valid JSON")]
    [InlineData("""{"a":{}} trailing""", 0, "not valid JSON")]
    [InlineData("""{"a": 5}""", 0, "entry for tensor 'a' is a number, not an object")]
    [InlineData("""{"a":{"shape":[1],"data_offsets":[0,4]}}""", 4, "tensor 'a' has no dtype")]
    [InlineData("""{"a":{"dtype":32,"shape":[1],"data_offsets":[0,4]}}""", 4, "tensor 'a' has a number as dtype")]
    [InlineData("""{"a":{"dtype":"F32","data_offsets":[0,4]}}""", 4, "tensor 'a' has no shape")]
    [InlineData("""{"a":{"dtype":"F32","shape":{"0":1},"data_offsets":[0,4]}}""", 4, "tensor 'a' has an object as shape")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1]}}""", 4, "tensor 'a' has no data_offsets")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", 4, "shape entry -1, not a non-negative")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}""", 4, "shape entry 1.5")]
    [InlineData("""{"a":{"dtype":"F32","shape":["1"],"data_offsets":[0,4]}}""", 4, "shape entry \"1\"")]
    [InlineData("""{"a":{"dtype":"F32","shape":[99999999999999999999],"data_offsets":[0,4]}}""", 4, "shape entry 99999999999999999999")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,4]}}""", 4, "too large to exist")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}""", 4, "not a [begin, end] pair with begin <= end")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}}""", 4, "data_offsets [0], not a [begin, end] pair")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}""", 8, "3 data_offsets entries, more than the 2 allowed")]
    [InlineData("""{"a":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 4, "two 'dtype' fields")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "names tensor 'a' twice")]
    [InlineData("""{"\udc00":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}}""", 0, "a tensor name in the header is not valid Unicode")]
    [InlineData("""{"__metadata__":[]}""", 0, "'__metadata__' is an array, not an object of strings")]
    [InlineData("""{"__metadata__":{"epoch":3}}""", 0, "metadata entry 'epoch' is a number")]
    [InlineData("""{"__metadata__":{"k":"a","k":"b"}}""", 0, "metadata names 'k' twice")]
    [InlineData("""{"__metadata__":{},"__metadata__":{}}""", 0, "two '__metadata__' entries")]
    public void Load_Throws_NamingTheProblem_ForMalformedHeaders(string header, int dataBytes, string expected) =>
        Assert.Contains(expected, LoadFails(header, dataBytes).Message);

    [Fact]
    public void Load_Throws_ForTooManyDimensions()
    {
        var shape = string.Join(",", Enumerable.Repeat("1", 65));
        Assert.Contains("65 shape entries, more than the 64 allowed", LoadFails($$$"""{"a":{"dtype":"U8","shape":[{{{shape}}}],"data_offsets":[0,1]}}""", 1).Message);
    }

    [Fact]
    public void Load_Throws_OnUnknownDtype_ListingTheSupportedOnes()
    {
        var e = LoadFails("""{"w":{"dtype":"U32","shape":[1],"data_offsets":[0,4]}}""", 4);
        Assert.Contains("tensor 'w' has dtype 'U32'", e.Message);
        Assert.Contains("F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL", e.Message);
        Assert.Contains("Convert that tensor", e.Message);
    }

    [Fact]
    public void Load_Throws_WhenOffsetsDoNotMatchTheShape()
    {
        var e = LoadFails("""{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}""", 20);
        Assert.Contains("tensor 'w' (F32 [2, 3]) needs 24 bytes but its data_offsets [0, 20] span 20", e.Message);
    }

    [Fact]
    public void Load_Throws_WhenOffsetsLieBeyondTheData()
    {
        var e = LoadFails("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}""", 12);
        Assert.Contains("lies at data bytes 8 to 16 but the file holds only 12 data bytes", e.Message);
    }

    [Fact]
    public void Load_Throws_WhenTensorsOverlap()
    {
        var e = LoadFails("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12);
        Assert.Contains("tensors 'a' (bytes 0 to 8) and 'b' (bytes 4 to 12) overlap", e.Message);
    }

    [Fact]
    public void Load_Throws_WhenTheDataHasAGap()
    {
        var e = LoadFails("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""", 12);
        Assert.Contains("data bytes 4 to 8, before tensor 'b', belong to no tensor", e.Message);
    }

    [Fact]
    public void Load_Throws_OnBytesAfterTheLastTensor()
    {
        var e = LoadFails("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 7);
        Assert.Contains("3 bytes after the last tensor's data", e.Message);
    }

    [Fact]
    public void Load_Throws_OnBoolBytesOtherThanZeroOrOne()
    {
        var bytes = RawFile.Build("""{"m":{"dtype":"BOOL","shape":[3],"data_offsets":[0,3]}}""", [1, 0, 2]);
        Assert.Contains("bool tensor 'm' holds the byte 2 at element 2", LoadFails(bytes).Message);
    }

    [Fact]
    public void Load_FlippedHeaderBytes_EitherLoadOrThrowSafeTensorsException()
    {
        var valid = ValidFile();
        var end = 8 + RawFile.HeaderLength(valid);
        var rejected = 0;
        for (var at = 0; at < end; at++)
            foreach (var mask in new byte[] { 0x01, 0x80 })
            {
                var bytes = (byte[])valid.Clone();
                bytes[at] ^= mask;
                if (TryLoad(bytes, $"byte {at} ^ 0x{mask:X2}") is not null) rejected++;
            }
        // Most flips break the file; some only rename a tensor or change padding, and load.
        Assert.InRange(rejected, end, 2 * end);
    }

    [Fact]
    public void Load_RandomMutations_OnlyEverThrowSafeTensorsException()
    {
        var valid = ValidFile();
        var headerEnd = 8 + RawFile.HeaderLength(valid);
        var random = new Random(20240607);
        var rejected = 0;
        const int mutations = 400;
        for (var i = 0; i < mutations; i++)
        {
            var (bytes, what) = Mutate(valid, headerEnd, random);
            if (TryLoad(bytes, $"mutation {i}: {what}") is not null) rejected++;
        }
        Assert.InRange(rejected, mutations / 2, mutations);
    }

    /// <summary>Loads and disposes; returns the SafeTensorsException, or null when the file loaded. Any other exception fails the test.</summary>
    SafeTensorsException? TryLoad(byte[] bytes, string what)
    {
        File.WriteAllBytes(_path, bytes);
        try
        {
            SafeTensors.Load(_path).Dispose();
            return null;
        }
        catch (SafeTensorsException e)
        {
            Assert.Contains($"'{_path}'", e.Message);
            return e;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what} threw {e.GetType().Name} instead of SafeTensorsException: {e.Message}");
            throw;
        }
    }

    static (byte[] Bytes, string What) Mutate(byte[] valid, int headerEnd, Random random)
    {
        var bytes = (byte[])valid.Clone();
        var at = random.Next(headerEnd);
        switch (random.Next(8))
        {
            case 0:
                var bit = 1 << random.Next(8);
                bytes[at] ^= (byte)bit;
                return (bytes, $"flip bit {bit} of byte {at}");
            case 1:
                var value = (byte)random.Next(256);
                bytes[at] = value;
                return (bytes, $"set byte {at} to {value}");
            case 2:
                var length = random.Next(valid.Length);
                return (bytes[..length], $"truncate to {length} bytes");
            case 3:
                var inserted = new byte[random.Next(1, 17)];
                random.NextBytes(inserted);
                return ([.. bytes[..at], .. inserted, .. bytes[at..]], $"insert {inserted.Length} bytes at {at}");
            case 4:
                var count = Math.Min(random.Next(1, 17), bytes.Length - at);
                return ([.. bytes[..at], .. bytes[(at + count)..]], $"delete {count} bytes at {at}");
            case 5:
                var length8 = random.Next(4) switch
                {
                    0 => (ulong)random.NextInt64(),
                    1 => (ulong)(headerEnd - 8 + random.Next(-16, 17)),
                    2 => (ulong)random.Next(valid.Length),
                    _ => 0UL,
                };
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, length8);
                return (bytes, $"set the header length to {length8}");
            case 6:
                var digits = Enumerable.Range(8, headerEnd - 8).Where(k => char.IsAsciiDigit((char)bytes[k])).ToArray();
                var digit = digits[random.Next(digits.Length)];
                bytes[digit] = (byte)('0' + random.Next(10));
                return (bytes, $"change the digit at {digit}");
            default:
                var data = headerEnd + random.Next(valid.Length - headerEnd);
                bytes[data] = (byte)random.Next(256);
                return (bytes, $"set data byte {data}");
        }
    }
}
