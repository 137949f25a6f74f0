using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Core;

/// <summary>Summaries trace real output shapes, count parameters per module, restore modes and leave no tensors.</summary>
public class ModelSummaryTests
{
    [Fact]
    public void UNet_RowsCarryTracedShapesAndParameterCounts()
    {
        using var model = Models.UNet(inChannels: 1, numClasses: 3, depth: 2, baseWidth: 4);
        var summary = model.Summary(32, 24);
        Assert.Equal([1, 1, 32, 24], summary.InputShape);
        Assert.Equal([1, 3, 32, 24], Assert.Single(summary.OutputShapes));
        var rows = summary.Rows.ToDictionary(r => r.Path);
        Assert.Equal("[1, 4, 32, 24]", rows["encoder.0"].OutputShape);
        Assert.Equal("[1, 4, 32, 24]", rows["encoder.0.0"].OutputShape);
        Assert.Equal("Conv2d", rows["encoder.0.0"].Type);
        Assert.Equal("[1, 16, 8, 6]", rows["encoder.2"].OutputShape);
        Assert.Equal("[1, 8, 16, 12]", rows["upsample.1"].OutputShape);
        Assert.Equal("[1, 3, 32, 24]", rows["head"].OutputShape);
        Assert.Equal(1 * 4 * 9, rows["encoder.0.0"].Parameters);
        Assert.Equal(model.ParameterCount, summary.TotalParameters);
        Assert.Equal(model.ParameterCount, rows[""].Parameters);
        Assert.Equal(rows["encoder"].Parameters, Enumerable.Range(0, 3).Sum(k => rows[$"encoder.{k}"].Parameters));
        Assert.All(summary.Rows, r => Assert.InRange(r.Depth, 0, 3));
    }

    [Fact]
    public void Text_IsATableWithTotals()
    {
        using var model = Models.PatchGan(baseWidth: 2);
        var text = model.Summary(64, 64, depth: 2).ToString();
        var lines = text.Split('\n');
        Assert.Equal("PatchGan: input [1, 5, 64, 64] -> output [1, 1, 6, 6]", lines[0]);
        Assert.StartsWith("Layer (type)", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("    0 (Conv2d)", StringComparison.Ordinal) && l.Contains("[1, 2, 32, 32]") && l.TrimEnd().EndsWith("162", StringComparison.Ordinal));
        Assert.Contains($"Total params: {model.ParameterCount:N0}", text);
        Assert.EndsWith($"Buffer elements: {model.buffers().Sum(b => b.numel()):N0}", text);
    }

    [Fact]
    public void Summary_RestoresEachModulesModeAndLeavesNoTensors()
    {
        using var model = Models.SegNetBasic(width: 4);
        model.train();
        var frozen = model.modules().OfType<BatchNorm2d>().First();
        frozen.eval();
        var before = LiveTensors.Settled();
        var summary = model.Summary(32, 32);
        Assert.Equal(before, TensorStatistics.Live);
        Assert.True(model.training);
        Assert.False(frozen.training);
        Assert.Equal(model.modules().Count(m => m.training), model.modules().Count() - 1);
        Assert.Equal("[1, 4, 32, 32]", summary.Rows.Single(r => r.Path == "encoder.0").OutputShape);
    }

    [Fact]
    public void WrongSize_FailsBeforeTracing()
    {
        using var model = Models.UNet(baseWidth: 2);
        Assert.StartsWith("UNet: height and width must be multiples of 16; got 100x100", Assert.Throws<ModelInputException>(() => model.Summary(100, 100)).Message);
    }

    [Fact]
    public void JointGenerator_SummaryHasBothOutputs()
    {
        using var g = Models.DcganJoint(latentSize: 8, numClasses: 4, outputSize: 16, baseWidth: 2);
        var summary = g.Summary(batch: 2);
        Assert.Equal(["[2, 3, 16, 16]", "[2, 4, 16, 16]"], summary.OutputShapes.Select(ModelSummaryShape));
        Assert.Equal("[2, 2, 8, 8]", summary.Rows.Single(r => r.Path == "trunk").OutputShape);   // baseWidth channels at half the size
    }

    [Fact]
    public void SegNet_ShowsPoolingAndUnpoolingShapes()
    {
        using var model = Models.SegNet(baseWidth: 2);
        var rows = model.Summary(45, 60).Rows.ToDictionary(r => r.Path);
        Assert.Equal("[1, 16, 2, 2]", rows["encoder.features.43"].OutputShape);   // fifth pooling, rounded up: 45 -> 23 -> 12 -> 6 -> 3 -> 2
        Assert.Equal("[1, 2, 45, 60]", rows["unpool"].OutputShape);              // the last unpooling restores 45 rows exactly
    }

    static string ModelSummaryShape(long[] s) => "[" + string.Join(", ", s) + "]";
}
