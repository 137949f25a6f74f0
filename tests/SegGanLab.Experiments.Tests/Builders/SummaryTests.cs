using SegGanLab.Losses;
using Xunit;
using static SegGanLab.Experiments.LossTerms;

namespace SegGanLab.Experiments.Tests;

public sealed class SummaryTests : RunsFolderTest
{
    [Fact]
    public void Summary_WalksOneBatch_ThroughEveryModelAndLoss_WithoutWritingFiles()
    {
        var summary = Experiment.Gan().Generator(ModelSpec.UNet(depth: 2, baseWidth: 4)).Discriminator(ModelSpec.PatchGan(layers: 2, baseWidth: 4))
            .Loss(Dice + 0.01 * Adv).Data(Tiny.Data).Batch(4).Steps(50).Summary();

        Assert.Equal("gan", summary.Recipe);
        Assert.Equal(["segmenter", "discriminator"], summary.Models.Select(m => m.Part));
        Assert.Equal([1L, 6, 32, 32], summary.Models[0].Layers!.OutputShapes[0]);
        Assert.Equal([1L, 1, 6, 6], summary.Models[1].Layers!.OutputShapes[0]);
        foreach (var term in new[] { "G/dice", "G/adv", "G/total", "D/real", "D/fake", "D/total" })
            Assert.True(double.IsFinite(summary.LossValues[term]), term);
        Assert.InRange(summary.Metrics["mIoU"], 0, 1);
        var text = summary.ToString();
        Assert.Contains("Loss G: dice + 0.01 * adv", text);
        Assert.Contains("Loss D: 0.5 * real + 0.5 * fake", text);
        Assert.Contains("PatchGan: input [1, 9, 32, 32] -> output [1, 1, 6, 6]", text);
        Assert.Contains("steps 50", text);
        Assert.False(Directory.Exists(Runs));
    }

    [Fact]
    public void Summary_OfABrokenSetup_NamesTheStageAndTheShapes()
    {
        // A loss that reshapes the logits wrongly: it passes the checks and fails on the walked batch.
        var broken = Loss.Custom("broken", LossInputs.Logits, c => c.Logits!.view(7, -1).mean());
        var e = Assert.Throws<ExperimentDryRunException>(() => Tiny.Supervised().Loss(CE + broken).Summary());
        Assert.Equal("the segmenter update (its loss and backward)", e.Stage);
        Assert.Contains("images [4, 3, 32, 32], masks [4, 32, 32]", e.Message);
        Assert.Contains("view", e.Message);
    }

    [Fact]
    public void Summary_OfAModelThatRefusesTheBatch_NamesTheModelAndTheShape()
    {
        // A segmenter whose own layers do not fit: it reports the 64 channels it was given.
        var e = Assert.Throws<ExperimentDryRunException>(() => Tiny.Supervised().Segmenter(new Fixtures.MisfitSegmenter()).Summary());
        Assert.Equal("the first step (loading the batch, the forward pass)", e.Stage);
        Assert.Contains("UNet refused [4, 3, 32, 32]", e.Shapes);
    }
}
