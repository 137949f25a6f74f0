using System.Globalization;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Models;

/// <summary>
/// Local response normalisation across channels, as PyTorch's <c>nn.LocalResponseNorm</c> and Caffe's
/// LRN layer (ACROSS_CHANNELS): b_c = a_c / (k + alpha/n · Σ a_c'²)^beta over the n channels centred
/// on c. SegNet-Basic applies it to the input image (n = 5, alpha = 1e-4, beta = 0.75).
/// </summary>
public sealed class LocalResponseNorm : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer (PyTorch's defaults: alpha 1e-4, beta 0.75, k 1).</summary>
    public LocalResponseNorm(long size, double alpha = 1e-4, double beta = 0.75, double k = 1.0) : base(nameof(LocalResponseNorm))
    {
        if (size <= 0) throw new ModelOptionsException(nameof(size), $"LocalResponseNorm: size must be positive; got {size}.");
        (Size, Alpha, Beta, K) = (size, alpha, beta, k);
    }

    /// <summary>Channels in each normalisation window.</summary>
    public long Size { get; }
    /// <summary>Scale of the sum of squares (divided by <see cref="Size"/>).</summary>
    public double Alpha { get; }
    /// <summary>Exponent.</summary>
    public double Beta { get; }
    /// <summary>Additive constant.</summary>
    public double K { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        var s = input.shape;
        if (s.Length != 4) throw new ArgumentException($"LocalResponseNorm expects a 4-D input [N, C, H, W]; got [{string.Join(", ", s)}].", nameof(input));
        using var scope = NewDisposeScope();
        // The channel window is a (Size x 1) average pool over [N, 1, C, H*W] with zero padding
        // (PyTorch pools [N, 1, C, H, W] in 3-D; the sums are the same).
        var squares = input.square().view(s[0], 1, s[1], s[2] * s[3]);
        var padded = F.pad(squares, [0, 0, Size / 2, (Size - 1) / 2]);
        var mean = F.avg_pool2d(padded, (Size, 1), (1, 1)).view(s);
        var denominator = mean.mul(Alpha).add(K).pow(Beta);
        return scope.MoveToOuter(input.div(denominator));
    }

    /// <inheritdoc/>
    public override string extra_repr() => string.Create(CultureInfo.InvariantCulture, $"{Size}, alpha={Alpha}, beta={Beta}, k={K}");
}
