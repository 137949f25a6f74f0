using SegGanLab.Torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Losses;

/// <summary>Mean absolute error between output and target images (pix2pix's L1 term, λ = 100 there). Name: <c>l1</c>.</summary>
public sealed class L1Loss : ImageLoss
{
    /// <summary>Creates the loss.</summary>
    public L1Loss() : base("l1") { }

    private protected override Tensor Loss(Tensor output, Tensor target) => F.l1_loss(output, target);
}
