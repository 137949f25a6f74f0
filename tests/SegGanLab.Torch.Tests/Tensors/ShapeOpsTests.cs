using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.Tensors;

/// <summary>Joining, splitting, indexing and padding: small cases with values worked out by hand (as PyTorch gives them).</summary>
public class ShapeOpsTests
{
    static long[][] Values(Tensor[] parts) => parts.Select(p => p.data<long>()).ToArray();

    [Fact]
    public void Split_BySize_LeavesTheRemainderLast_AndBySizes_FollowsThem()
    {
        using var scope = NewDisposeScope();
        var x = arange(0, 5);
        Assert.Equal(new[] { new long[] { 0, 1 }, [2, 3], [4] }, Values(x.split(2)));
        Assert.Equal(new[] { new long[] { 0 }, [1, 2, 3, 4] }, Values(x.split([1, 4])));
        var m = arange(0, 6).reshape(2, 3);
        var cols = m.split(2, dim: 1);
        Assert.Equal(new long[] { 2, 2 }, cols[0].shape);
        Assert.Equal(new long[] { 2, 1 }, cols[1].shape);
        Assert.Equal(new long[] { 2, 5 }, cols[1].data<long>());
    }

    [Fact]
    public void Chunk_SplitsIntoNearlyEqualPieces()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(new[] { new long[] { 0, 1, 2 }, [3, 4, 5], [6] }, Values(arange(0, 7).chunk(3)));
        var parts = arange(0, 6).reshape(2, 3).chunk(2, dim: 1);
        Assert.Equal(2, parts.Length);
        Assert.Equal(new long[] { 0, 1, 3, 4 }, parts[0].data<long>());
        Assert.Equal(new long[] { 2, 5 }, parts[1].data<long>());
    }

    [Fact]
    public void CatJoinsAlongAnExistingDimension_StackAlongANewOne()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new long[] { 1, 2, 3, 4 }, [2, 2]);
        var b = tensor(new long[] { 5, 6 }, [1, 2]);
        var rows = cat([a, b], 0);
        Assert.Equal(new long[] { 3, 2 }, rows.shape);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, rows.data<long>());
        var cols = cat([a, a], 1);
        Assert.Equal(new long[] { 1, 2, 1, 2, 3, 4, 3, 4 }, cols.data<long>());
        var stacked = stack([a, a * 10], 0);
        Assert.Equal(new long[] { 2, 2, 2 }, stacked.shape);
        Assert.Equal(new long[] { 1, 2, 3, 4, 10, 20, 30, 40 }, stacked.data<long>());
        var inner = stack([a, a * 10], -1);
        Assert.Equal(new long[] { 2, 2, 2 }, inner.shape);
        Assert.Equal(new long[] { 1, 10, 2, 20, 3, 30, 4, 40 }, inner.data<long>());
        Assert.Throws<TorchException>(() => cat([a, b], 1));
    }

    [Fact]
    public void OneHot_AddsAClassDimension_InferringItsSizeWhenNotGiven()
    {
        using var scope = NewDisposeScope();
        var labels = tensor(new long[] { 0, 2, 1 });
        var oh = F.one_hot(labels, 4);
        Assert.Equal(new long[] { 3, 4 }, oh.shape);
        Assert.Equal(ScalarType.Int64, oh.dtype);
        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0 }, oh.data<long>());
        Assert.Equal(new long[] { 3, 3 }, F.one_hot(labels).shape);
        Assert.Throws<TorchException>(() => F.one_hot(tensor(new long[] { 5 }), 3));
    }

    [Fact]
    public void Pad_ConstantReflectReplicateAndCircular_PadTheLastDimension()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3, 4 }, [1, 1, 4]);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 0, 0 }, F.pad(x, [1, 2]).data<double>());
        Assert.Equal(new double[] { 9, 1, 2, 3, 4 }, F.pad(x, [1, 0], value: 9).data<double>());
        Assert.Equal(new double[] { 3, 2, 1, 2, 3, 4, 3 }, F.pad(x, [2, 1], PaddingModes.Reflect).data<double>());
        Assert.Equal(new double[] { 1, 1, 1, 2, 3, 4, 4 }, F.pad(x, [2, 1], PaddingModes.Replicate).data<double>());
        Assert.Equal(new double[] { 3, 4, 1, 2, 3, 4, 1 }, F.pad(x, [2, 1], PaddingModes.Circular).data<double>());
        var img = ones([1, 1, 2, 2], float64);
        var padded = F.pad(img, [1, 1, 2, 0]); // (left, right, top, bottom)
        Assert.Equal(new long[] { 1, 1, 4, 4 }, padded.shape);
        Assert.Equal(new double[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0 }, padded.data<double>());
    }

    [Fact]
    public void Gather_ReadsAlongADimensionAtTheGivenIndices()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new long[] { 1, 2, 3, 4 }, [2, 2]);
        var idx = tensor(new long[] { 0, 0, 1, 0 }, [2, 2]);
        Assert.Equal(new long[] { 1, 1, 4, 3 }, x.gather(1, idx).data<long>());
        Assert.Equal(new long[] { 1, 2, 3, 2 }, x.gather(0, idx).data<long>());
    }

    [Fact]
    public void Scatter_WritesAndScatterAdd_AccumulatesAtTheGivenIndices_WithoutChangingTheSource()
    {
        using var scope = NewDisposeScope();
        var z = zeros([2, 3], float64);
        var idx = tensor(new long[] { 2, 0 }, [2, 1]);
        Assert.Equal(new double[] { 0, 0, 5, 5, 0, 0 }, z.scatter(1, idx, 5.0).data<double>());
        var src = tensor(new double[] { 7, 8 }, [2, 1]);
        Assert.Equal(new double[] { 0, 0, 7, 8, 0, 0 }, z.scatter(1, idx, src).data<double>());
        var twice = tensor(new long[] { 1, 1 }, [1, 2]);
        var add = zeros([1, 3], float64).scatter_add(1, twice, tensor(new double[] { 2, 3 }, [1, 2]));
        Assert.Equal(new double[] { 0, 5, 0 }, add.data<double>());
        Assert.Equal(new double[6], z.data<double>());
    }

    [Fact]
    public void IndexSelect_PicksSlicesInTheGivenOrder()
    {
        using var scope = NewDisposeScope();
        var x = arange(0, 6).reshape(3, 2);
        Assert.Equal(new long[] { 4, 5, 0, 1 }, x.index_select(0, tensor(new long[] { 2, 0 })).data<long>());
        Assert.Equal(new long[] { 1, 3, 5 }, x.index_select(1, tensor(new long[] { 1 })).data<long>());
    }

    [Fact]
    public void Topk_ReturnsTheLargestOrSmallestValuesWithTheirIndices()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 5, 3, 4 });
        var (top, topIdx) = x.topk(2);
        Assert.Equal(new double[] { 5, 4 }, top.data<double>());
        Assert.Equal(new long[] { 1, 3 }, topIdx.data<long>());
        var (low, lowIdx) = x.topk(2, largest: false);
        Assert.Equal(new double[] { 1, 3 }, low.data<double>());
        Assert.Equal(new long[] { 0, 2 }, lowIdx.data<long>());
        var m = tensor(new double[] { 1, 9, 2, 8, 0, 3 }, [2, 3]);
        var (rowsTop, rowsIdx) = m.topk(1, dim: 1);
        Assert.Equal(new double[] { 9, 8 }, rowsTop.data<double>());
        Assert.Equal(new long[] { 1, 0 }, rowsIdx.data<long>());
    }
}
