using SegGanLab.Torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>Mean squared error between output and target images (DeblurGAN-v2's pixel term, 0.5 there). Name: <c>l2</c>.</summary>
public sealed class L2Loss : ImageLoss
{
    /// <summary>Creates the loss.</summary>
    public L2Loss() : base("l2") { }

    private protected override Tensor Loss(Tensor output, Tensor target) => F.mse_loss(output, target);
}
