using static SegGanLab.Torch.torch.nn;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Modules;

/// <summary>A parameter-free module defined by a function (the activations and Identity).</summary>
public class ElementwiseModule : Module<Tensor, Tensor>
{
    readonly Func<Tensor, Tensor> _fn;
    readonly string _extra;

    internal ElementwiseModule(string name, Func<Tensor, Tensor> fn, string extra = "") : base(name) => (_fn, _extra) = (fn, extra);

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => _fn(input);

    /// <inheritdoc/>
    public override string extra_repr() => _extra;
}

/// <summary>max(x, 0).</summary>
public sealed class ReLU : ElementwiseModule
{
    internal ReLU(bool inplace) : base(nameof(ReLU), x => F.relu(x, inplace), inplace ? "inplace=True" : "") { }
}

/// <summary>x, or slope·x for negative x (pix2pix's discriminators use 0.2).</summary>
public sealed class LeakyReLU : ElementwiseModule
{
    internal LeakyReLU(double slope, bool inplace) : base(nameof(LeakyReLU), x => F.leaky_relu(x, slope, inplace), $"negative_slope={slope}{(inplace ? ", inplace=True" : "")}") { }
}

/// <summary>Exponential linear unit.</summary>
public sealed class ELU : ElementwiseModule
{
    internal ELU(double alpha) : base(nameof(ELU), x => F.elu(x, alpha), $"alpha={alpha}") { }
}

/// <summary>Gaussian error linear unit.</summary>
public sealed class GELU : ElementwiseModule
{
    internal GELU(bool tanh) : base(nameof(GELU), x => F.gelu(x, tanh), tanh ? "approximate='tanh'" : "approximate='none'") { }
}

/// <summary>Logistic sigmoid.</summary>
public sealed class Sigmoid : ElementwiseModule
{
    internal Sigmoid() : base(nameof(Sigmoid), x => x.sigmoid()) { }
}

/// <summary>Hyperbolic tangent (pix2pix generators' output).</summary>
public sealed class Tanh : ElementwiseModule
{
    internal Tanh() : base(nameof(Tanh), x => x.tanh()) { }
}

/// <summary>Softmax along a dimension.</summary>
public sealed class Softmax : ElementwiseModule
{
    internal Softmax(long dim) : base(nameof(Softmax), x => F.softmax(x, dim), $"dim={dim}") { }
}

/// <summary>Returns its input (as a new handle to the same tensor, so callers may dispose results uniformly).</summary>
public sealed class Identity : ElementwiseModule
{
    internal Identity() : base(nameof(Identity), x => x.alias()) { }
}

/// <summary>Zeroes elements with probability p in training, scaling the rest by 1/(1-p).</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    /// <summary>Drop probability.</summary>
    public double p { get; }

    internal Dropout(double p) : base(nameof(Dropout)) => this.p = CheckP(p);

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.dropout(input, p, training);

    /// <inheritdoc/>
    public override string extra_repr() => $"p={p}";

    internal static double CheckP(double p) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be between 0 and 1");
}

/// <summary>Zeroes whole channels with probability p in training (pix2pix's U-Net uses 0.5).</summary>
public sealed class Dropout2d : Module<Tensor, Tensor>
{
    /// <summary>Drop probability.</summary>
    public double p { get; }

    internal Dropout2d(double p) : base(nameof(Dropout2d)) => this.p = Dropout.CheckP(p);

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => F.dropout2d(input, p, training);

    /// <inheritdoc/>
    public override string extra_repr() => $"p={p}";
}
