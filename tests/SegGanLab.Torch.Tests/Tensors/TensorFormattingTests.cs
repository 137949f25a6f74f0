using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Tensors;

public class TensorFormattingTests
{
    [Fact]
    public void ToStringWithValues_PrintsHeaderThenNestedRows()
    {
        using var t = tensor(new float[] { 1, 2.5f, -3, 0.125f, 4, 5 }, [2, 3]);
        Assert.Equal("[2x3], type = Float32, device = cpu\n[[1, 2.5, -3],\n [0.125, 4, 5]]", t.ToString(true));
    }

    [Fact]
    public void ToStringWithoutValues_PrintsOnlyShapeDtypeAndDevice()
    {
        using var t = zeros([2, 3, 4], float64);
        Assert.Equal("[2x3x4], type = Float64, device = cpu", t.ToString());
        Assert.Equal(t.ToString(), t.ToString(false));
    }

    [Fact]
    public void ToStringWithValues_ElidesLongDimensions_AndFormatsIntegersAndBools()
    {
        using var longs = arange(0, 10);
        Assert.Equal("[10], type = Int64, device = cpu\n[0, 1, 2, ..., 7, 8, 9]", longs.ToString(true));
        Assert.Equal("[10], type = Int64, device = cpu\n[0, ..., 9]", longs.ToString(true, edgeItems: 1));
        using var bools = tensor(new[] { true, false });
        Assert.Equal("[2], type = Bool, device = cpu\n[True, False]", bools.ToString(true));
        using var scalar = tensor(0.5, float64);
        Assert.Equal("[], type = Float64, device = cpu\n0.5", scalar.ToString(true));
    }

    [Fact]
    public void FromArray_TwoDimensionalFloatArray_KeepsShapeAndRowMajorOrder()
    {
        using var t = from_array(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.data<float>());
        using var row = t[1];
        Assert.Equal(new float[] { 4, 5, 6 }, row.data<float>());
        using var element = t[0, 2];
        Assert.Equal(3f, element.item<float>());
    }

    [Fact]
    public void FromArray_OtherRanksAndTypes_KeepTheirShapeAndDtype()
    {
        using var l = from_array(new long[,,] { { { 1 }, { 2 } } });
        Assert.Equal(new long[] { 1, 2, 1 }, l.shape);
        Assert.Equal(ScalarType.Int64, l.dtype);
        using var d = from_array(new double[] { 1.5, 2.5 });
        Assert.Equal(new long[] { 2 }, d.shape);
        Assert.Equal(ScalarType.Float64, d.dtype);
        Assert.Throws<ArgumentException>(() => from_array(new string[] { "x" }));
    }
}
