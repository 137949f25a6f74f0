using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Losses;

/// <summary>
/// WGAN-GP's gradient penalty (Gulrajani et al.): on random interpolates x̂ = α·real + (1 - α)·fake
/// (α ~ U[0, 1) per sample), mean over samples of (‖∇x̂ D(x̂)‖₂ - 1)². The gradient is taken with
/// <c>create_graph</c>, so backward reaches the discriminator's weights through it. Its weight λ
/// (10 by default) is the term's weight in the expression. Name: <c>gp</c>.
/// </summary>
public sealed class GradientPenalty : LossTerm
{
    /// <summary>The penalty weight of Gulrajani et al., pix2pix and DeblurGAN.</summary>
    public const double DefaultLambda = 10;

    /// <summary>Creates the term; <paramref name="generator"/> draws the interpolation weights (the global generator when null).</summary>
    public GradientPenalty(Generator? generator = null) : base("gp") => RandomGenerator = generator;

    /// <summary>The generator of the interpolation weights, or null for the global one.</summary>
    public Generator? RandomGenerator { get; }

    /// <inheritdoc/>
    public override LossRequirements Requirements => new(LossInputs.Discriminator);

    /// <inheritdoc/>
    protected override string Configuration =>
        RandomGenerator is null ? "generator: global" : $"generator: #{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(RandomGenerator)}";

    /// <inheritdoc/>
    public override Tensor Compute(LossContext context)
    {
        var (d, real, fake) = context.RequireDiscriminator(Name);
        return Compute(d, real, fake, generator: RandomGenerator);
    }

    /// <summary>
    /// The penalty of <paramref name="discriminator"/> between <paramref name="real"/> and
    /// <paramref name="fake"/> (same shape [N, ...]; both are detached first).
    /// </summary>
    /// <param name="discriminator">D's forward pass.</param>
    /// <param name="real">Real D inputs.</param>
    /// <param name="fake">Fake D inputs.</param>
    /// <param name="alpha">Interpolation weights [N] (or broadcastable [N, 1, ...]); drawn from U[0, 1) when null.</param>
    /// <param name="generator">The generator for drawing <paramref name="alpha"/>.</param>
    /// <exception cref="LossInputException">When the shapes differ or alpha has the wrong size.</exception>
    public static Tensor Compute(Func<Tensor, Tensor> discriminator, Tensor real, Tensor fake, Tensor? alpha = null, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        if (!real.shape.SequenceEqual(fake.shape) || real.dim() < 1)
            throw new LossInputException($"gp: real {SegmentationBatch.Text(real.shape)} and fake {SegmentationBatch.Text(fake.shape)} discriminator inputs must have the same shape [N, ...] to be interpolated.");
        var n = real.size(0);
        var broadcast = Enumerable.Repeat(1L, real.dim()).ToArray();
        broadcast[0] = n;
        if (alpha is not null && alpha.numel() != n)
            throw new LossInputException($"gp: alpha {SegmentationBatch.Text(alpha.shape)} must hold one interpolation weight per sample ({n}).");
        using var scope = NewDisposeScope();
        var a = (alpha ?? rand([n], real.dtype, real.device, generator: generator)).to(real.dtype).reshape(broadcast);
        var mixed = (a * real.detach() + (1 - a) * fake.detach()).detach().requires_grad_();
        var scores = discriminator(mixed);
        var gradient = autograd.grad([scores], [mixed], [ones_like(scores)], retain_graph: true, create_graph: true)[0]!;
        var penalty = (gradient.reshape(n, -1).norm(2, 1) - 1).square().mean();
        return scope.MoveToOuter(penalty);
    }
}
