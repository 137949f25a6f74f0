using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Models.Tests.Core;

/// <summary>Adversarial training steps through the models leave the live tensor count where it started.</summary>
public class TrainingLeakTests
{
    public static TheoryData<string, string, long> Pairs => new()
    {
        { "unet", "patchgan", 32 },
        { "segnet_basic", "hung_fcd", 32 },
        { "deeplabv3plus_lite", "multiscale", 48 },
        { "fcn8s", "pixelgan", 32 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void GanSteps_LeaveNoTensorsBehind(string segmenterName, string discriminatorName, long size)
    {
        manual_seed(0);
        var start = LiveTensors.Settled();
        const long classes = 3;
        using (var segmenter = Models.Create<SegmentationModel>(segmenterName, new ModelOptions { NumClasses = classes, BaseWidth = 4 }))
        using (var discriminator = Models.Create<Discriminator>(discriminatorName, new ModelOptions { LabelChannels = classes, BaseWidth = 4 }))
        using (var optG = optim.Adam(segmenter.parameters(), lr: 1e-3))
        using (var optD = optim.Adam(discriminator.parameters(), lr: 1e-3))
        using (var images = randn(2, 3, size, size))
        using (var labels = randint(0, classes, [2, size, size]))
        {
            discriminator.CheckCompatible(segmenter);
            var image = discriminator.ImageChannels > 0 ? images : null;
            for (var step = 0; step < 3; step++)
            {
                using var scope = NewDisposeScope();
                var real = F.one_hot(labels, classes).permute(0, 3, 1, 2).to(ScalarType.Float32);
                var fake = F.softmax(segmenter.forward(images), 1).detach();
                optD.zero_grad();
                var lossD = Adversarial(discriminator, image, real, 1).add(Adversarial(discriminator, image, fake, 0)).mul(0.5);
                lossD.backward();
                optD.step();

                optG.zero_grad();
                var logits = segmenter.forward(images);
                var lossG = F.cross_entropy(logits, labels).add(Adversarial(discriminator, image, F.softmax(logits, 1), 1).mul(0.01));
                lossG.backward();
                optG.step();
                Assert.True(float.IsFinite(lossG.item<float>()));
            }
        }
        Assert.Equal(start, TensorStatistics.Live);
    }

    [Fact]
    public void JointGeneratorSteps_LeaveNoTensorsBehind()
    {
        manual_seed(0);
        var start = LiveTensors.Settled();
        using (var generator = Models.DcganJoint(latentSize: 8, numClasses: 3, outputSize: 16, baseWidth: 4))
        using (var opt = optim.Adam(generator.parameters(), lr: 1e-3))
        {
            for (var step = 0; step < 3; step++)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var (image, mask) = generator.Sample(2);
                image.square().mean().add(F.softmax(mask, 1).mean()).backward();
                opt.step();
            }
        }
        Assert.Equal(start, TensorStatistics.Live);
    }

    /// <summary>pix2pix's vanilla GAN loss averaged over the discriminator's scales.</summary>
    static Tensor Adversarial(Discriminator d, Tensor? image, Tensor labels, float target)
    {
        var scales = d.ForwardScales(image, labels);
        return scales.Select(s => F.binary_cross_entropy_with_logits(s, full_like(s, target))).Aggregate((a, b) => a.add(b)).div(scales.Count);
    }
}
