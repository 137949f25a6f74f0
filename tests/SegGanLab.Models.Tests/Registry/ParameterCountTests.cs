using SegGanLab.Tests.Golden;
using SegGanLab.Torch;
using Xunit;

namespace SegGanLab.Models.Tests.Registry;

/// <summary>
/// Every registered model at its defaults has as many parameters as the reference implementation
/// (make_models_golden.py, which also checks pix2pix's printed counts and torchvision's backbones).
/// </summary>
public class ParameterCountTests
{
    public static TheoryData<string> Names => [.. Models.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void DefaultModel_HasTheReferenceParameterCount(string name)
    {
        var expected = GoldenFile.Open("models.json").Case("param_counts").Long(name);
        using var model = Models.Create(name);
        Assert.Equal(expected, model.parameter_count());
        var counted = model switch { ImageModel m => m.ParameterCount, DcganJointGenerator g => g.ParameterCount, _ => -1 };
        Assert.Equal(expected, counted);
    }

    [Fact]
    public void PatchGan_HasPix2PixReceptiveField()
    {
        using var basic = Models.PatchGan();
        Assert.Equal(70, basic.ReceptiveField);
        using var one = Models.PatchGan(layers: 1);
        Assert.Equal(16, one.ReceptiveField);
        using var five = Models.PatchGan(layers: 5, baseWidth: 2);
        Assert.Equal(286, five.ReceptiveField);
    }
}
