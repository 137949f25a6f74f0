using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>pix2pix's weight initialisations (<c>init_weights</c>, <c>--init_type</c>).</summary>
public enum WeightInit
{
    /// <summary>Keep PyTorch's default initialisation (what every model is created with).</summary>
    Default,
    /// <summary>Weights ~ N(0, gain²) (pix2pix's default, with gain 0.02; DCGAN's).</summary>
    Normal,
    /// <summary>Glorot normal with the given gain.</summary>
    Xavier,
    /// <summary>He normal (a = 0, fan_in); the gain is not used, as in pix2pix.</summary>
    Kaiming,
    /// <summary>(Semi-)orthogonal matrices scaled by the gain.</summary>
    Orthogonal,
}

/// <summary>Re-initialises a model's weights as pix2pix's <c>init_weights</c> does.</summary>
public static class ModelInit
{
    /// <summary>pix2pix's default gain.</summary>
    public const double DefaultGain = 0.02;

    /// <summary>
    /// Every convolution, transposed convolution and linear layer gets its weight drawn by
    /// <paramref name="kind"/> and its bias set to 0; every batch-norm layer gets its scale ~ N(1, gain²)
    /// and its shift 0. Draws from the global generator (seed it with <c>torch.manual_seed</c>).
    /// Returns <paramref name="model"/>, so it chains after a factory.
    /// </summary>
    public static TModule InitWeights<TModule>(this TModule model, WeightInit kind, double gain = DefaultGain) where TModule : nn.Module
    {
        if (kind == WeightInit.Default) return model;
        if (!(gain > 0)) throw new ModelOptionsException("gain", $"{model.Name}: the initialisation gain must be positive; got {gain}.");
        foreach (var module in model.modules())
        {
            switch (module)
            {
                case Conv2d c: Init(c.weight, c.bias, kind, gain); break;
                case ConvTranspose2d t: Init(t.weight, t.bias, kind, gain); break;
                case Linear l: Init(l.weight, l.bias, kind, gain); break;
                case BatchNorm2d { weight: { } w, bias: { } b }:
                    nn.init.normal_(w, 1.0, gain);
                    nn.init.zeros_(b);
                    break;
            }
        }
        return model;
    }

    static void Init(Tensor weight, Tensor? bias, WeightInit kind, double gain)
    {
        switch (kind)
        {
            case WeightInit.Normal: nn.init.normal_(weight, 0, gain); break;
            case WeightInit.Xavier: nn.init.xavier_normal_(weight, gain); break;
            case WeightInit.Kaiming: nn.init.kaiming_normal_(weight, 0, nn.init.FanInOut.FanIn); break;
            case WeightInit.Orthogonal: nn.init.orthogonal_(weight, gain); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown initialisation");
        }
        if (bias is not null) nn.init.zeros_(bias);
    }
}
