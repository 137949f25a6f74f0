using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses.Tests.Algebra;

/// <summary>The README's loss example, kept as a test so it keeps compiling and running.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeLossExample_Runs()
    {
        using var scope = NewDisposeScope();
        long[] classPixels = [900, 50, 30, 20, 10, 200, 70, 5, 300, 8, 12];
        var imagePixels = classPixels.Select(p => p * 3).ToArray();
        var netD = nn.Conv2d(11, 1, 3, padding: 1);
        var logits = randn([2, 11, 8, 8], requires_grad: true);
        var labels = randint(0, 12, [2, 8, 8]);

        var g = Loss.CrossEntropy(ClassWeights.MedianFrequency(classPixels, imagePixels)) + Loss.Dice
                + 0.01 * new AdversarialLoss(GanMode.LsGan);
        var d = Loss.Discriminator(GanMode.LsGan);
        using var ctx = new LossContext
        {
            Logits = logits, Labels = labels, IgnoreIndex = 11,
            Discriminator = x => netD.forward(x), FakeInput = nn.functional.softmax(logits, 1),
        };
        var loss = g.Evaluate(ctx);
        loss.Total.backward();

        Assert.Equal(["ce", "dice", "adv"], loss.Terms.Keys);
        Assert.NotNull(logits.grad);
        Assert.Equal("0.5 * real + 0.5 * fake", d.ToString());
        netD.Dispose();
    }
}
