using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Tensors;

[Collection(GlobalStateCollection.Name)]
public class DisposeScopeTests
{
    static long SettledLive() => LiveTensors.Settled();

    [Fact]
    public void TensorsCreatedInsideAScope_AreDisposedWhenItEnds()
    {
        Tensor a, b, c;
        using (var scope = NewDisposeScope())
        {
            a = ones(2, 3);
            b = a * 2;
            c = b.sum();
            Assert.Equal(3, scope.Count);
            Assert.Same(scope, DisposeScope.Current);
        }
        Assert.True(a.IsInvalid);
        Assert.True(b.IsInvalid);
        Assert.True(c.IsInvalid);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void MoveToOuter_KeepsThatTensorAlive_UntilTheOuterScopeEnds()
    {
        Tensor kept, dropped;
        using (var outer = NewDisposeScope())
        {
            using (var inner = NewDisposeScope())
            {
                kept = full([2], 7.0);
                dropped = full([2], 1.0);
                Assert.Same(kept, inner.MoveToOuter(kept));
                Assert.Equal(1, inner.Count);
                Assert.Equal(1, outer.Count);
            }
            Assert.False(kept.IsInvalid);
            Assert.True(dropped.IsInvalid);
            Assert.Equal(new float[] { 7, 7 }, kept.data<float>());
        }
        Assert.True(kept.IsInvalid);
    }

    [Fact]
    public void MoveToOuterDisposeScope_FromTheOutermostScope_HandsOwnershipToTheCaller()
    {
        Tensor result;
        using (NewDisposeScope())
        {
            using var temp = arange(0, 4);
            result = (temp * 3).MoveToOuterDisposeScope();
        }
        Assert.False(result.IsInvalid);
        Assert.Equal(new long[] { 0, 3, 6, 9 }, result.data<long>());
        result.Dispose();
        Assert.True(result.IsInvalid);
    }

    [Fact]
    public void DetachFromDisposeScope_KeepsATensorAlivePastEveryScope()
    {
        Tensor parameter;
        using (NewDisposeScope())
        using (NewDisposeScope())
        {
            parameter = zeros(3).DetachFromDisposeScope();
        }
        Assert.False(parameter.IsInvalid);
        parameter.Dispose();
    }

    [Fact]
    public void NestedScopes_EachDisposeOnlyTheirOwnTensors_AndRestoreTheOuterScope()
    {
        using var outer = NewDisposeScope();
        var a = ones(2);
        Tensor b;
        using (var inner = NewDisposeScope())
        {
            Assert.Same(inner, DisposeScope.Current);
            b = a + 1;
            Assert.Equal(1, inner.Count);
        }
        Assert.Same(outer, DisposeScope.Current);
        Assert.True(b.IsInvalid);
        Assert.False(a.IsInvalid);
        Assert.Equal(1, outer.Count);
    }

    [Fact]
    public void LiveCount_ReturnsToItsStartValue_AfterAScope_AndMatchesTheNativeCount()
    {
        var start = SettledLive();
        Assert.Equal(TensorStatistics.Live, TensorStatistics.NativeLive);
        using (NewDisposeScope())
        {
            var x = randn([4, 3, 8, 8], float64, requires_grad: true);
            var w = randn([2, 3, 3, 3], float64, requires_grad: true);
            var y = nn.functional.conv2d(x, w, padding: (1, 1));
            var (values, indices) = y.max(1);
            var parts = y.chunk(2, 0);
            var loss = values.sum() + cat(parts).mean();
            loss.backward();
            _ = x.grad;
            _ = autograd.grad([w.sum()], [w]);
            Assert.True(TensorStatistics.Live > start);
            Assert.Equal(TensorStatistics.Live, TensorStatistics.NativeLive);
        }
        Assert.Equal(start, TensorStatistics.Live);
        Assert.Equal(TensorStatistics.Live, TensorStatistics.NativeLive);
    }

    [Fact]
    public void ToStringWithValues_OutsideAnyScope_LeavesNoTensorAlive()
    {
        using var t = tensor(new long[] { 1, 2, 3 });
        var start = SettledLive();
        for (var k = 0; k < 5; k++) _ = t.ToString(true);
        Assert.Equal(start, TensorStatistics.Live);
        Assert.Equal(TensorStatistics.Live, TensorStatistics.NativeLive);
    }

    [Fact]
    public void DisposingAnOuterScope_ClosesInnerScopesLeftOpen_AndRestoresTheThreadsScope()
    {
        var before = DisposeScope.Current;
        Tensor inner;
        var outer = NewDisposeScope();
        var leftOpen = NewDisposeScope(); // as if an exception had skipped its using
        inner = ones(2);
        outer.Dispose();
        Assert.True(inner.IsInvalid);
        Assert.Same(before, DisposeScope.Current);
        using var after = ones(1);
        Assert.False(after.IsInvalid);
        leftOpen.Dispose(); // already closed by its outer scope: a no-op
    }
}
