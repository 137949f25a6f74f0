using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.Tensors;

public class TorchExceptionTests
{
    [Fact]
    public void Conv2dChannelMismatch_ThrowsTorchException_NamingTheOpAndBothShapes_AndTheProcessKeepsWorking()
    {
        using var scope = NewDisposeScope();
        var input = zeros(2, 3, 8, 8);
        var weight = zeros(4, 5, 3, 3);

        var e = Assert.Throws<TorchException>(() => F.conv2d(input, weight));
        Assert.Equal("conv2d", e.Op);
        Assert.Contains("[2, 3, 8, 8] float32 cpu", e.Message);
        Assert.Contains("[4, 5, 3, 3] float32 cpu", e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.NativeMessage));
        Assert.DoesNotContain("\n", e.Message.TrimEnd()); // LibTorch's C++ backtrace stays out of the message

        // The same tensors, and LibTorch itself, are still usable.
        Assert.False(input.IsInvalid);
        var good = F.conv2d(input + 1, ones(4, 3, 3, 3), padding: (1, 1));
        Assert.Equal(new long[] { 2, 4, 8, 8 }, good.shape);
        Assert.Equal(27.0, good[0, 0].max().item<double>());

        // A second, different failure reports its own message, not a stale one.
        var e2 = Assert.Throws<TorchException>(() => input.matmul(weight));
        Assert.Equal("matmul", e2.Op);
        Assert.NotEqual(e.NativeMessage, e2.NativeMessage);
    }

    [Fact]
    public void UsingADisposedTensor_ThrowsObjectDisposedException_ThatSaysHowToKeepItAlive()
    {
        var t = ones(2, 2);
        t.Dispose();
        Assert.True(t.IsInvalid);
        var e = Assert.Throws<ObjectDisposedException>(() => t.sum());
        Assert.Contains("disposed", e.Message);
        Assert.Contains("MoveToOuterDisposeScope", e.Message);
        Assert.Throws<ObjectDisposedException>(() => t.shape);
        Assert.Equal("<disposed tensor>", t.ToString());
        t.Dispose(); // a second Dispose is harmless
    }

    [Fact]
    public void DisposedTensorPassedAsAnArgument_ThrowsObjectDisposedException()
    {
        using var a = ones(2);
        var b = ones(2);
        b.Dispose();
        Assert.Throws<ObjectDisposedException>(() => a + b);
        using var c = a + 1;
        Assert.Equal(new float[] { 2, 2 }, c.data<float>());
    }
}
