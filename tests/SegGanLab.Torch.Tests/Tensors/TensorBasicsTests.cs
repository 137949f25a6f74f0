using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Tensors;

public class TensorBasicsTests
{
    [Fact]
    public void FromArray_RoundTrips_ShapeDtypeAndValues()
    {
        using var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(Device.CPU, t.device);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.data<float>());
    }

    [Fact]
    public void Operators_FollowPyTorchTypePromotion()
    {
        using var i = arange(0, 4);
        using var plusOne = i + 1;
        using var plusHalf = i + 0.5;
        Assert.Equal(ScalarType.Int64, plusOne.dtype);
        Assert.Equal(ScalarType.Float32, plusHalf.dtype);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, plusOne.data<long>());
    }

    [Fact]
    public void ShapeMismatch_ThrowsTorchException_NamingOpAndShapes_AndProcessKeepsWorking()
    {
        using var a = zeros(2, 3);
        using var b = zeros(4, 5);
        var e = Assert.Throws<TorchException>(() => a.matmul(b));
        Assert.Equal("matmul", e.Op);
        Assert.Contains("[2, 3] float32 cpu", e.Message);
        Assert.Contains("[4, 5] float32 cpu", e.Message);
        using var c = a + 1;
        Assert.Equal(6.0, c.sum().item<double>());
    }

    [Fact]
    public void Cuda_IsReportedUnavailable_OnCpuBuild()
    {
        Assert.False(cuda.is_available());
        Assert.Equal(0, cuda.device_count());
    }
}
