using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// Everything the terms of a <see cref="LossExpression"/> may read during one evaluation. The
/// training layer fills what its recipe has; each term reads what its
/// <see cref="LossTerm.Requirements"/> name. The discriminator's outputs are computed lazily, once,
/// on first use, so an expression without adversarial terms (or with weight 0) costs no D pass.
/// </summary>
/// <remarks>
/// The context does not own the tensors it is given. It owns the discriminator outputs it computes
/// and disposes them in <see cref="Dispose"/>; use one context per step: <c>using var ctx = ...</c>.
/// For the discriminator's own step, build a context whose <see cref="FakeInput"/> is detached from
/// the generator.
/// </remarks>
/// <example><code>
/// using var ctx = new LossContext
/// {
///     Logits = logits, Labels = labels, IgnoreIndex = 255,
///     Discriminator = x => d.forward(x), FakeInput = softmax(logits, 1),
/// };
/// var result = (Loss.CrossEntropy() + 0.01 * Loss.Adversarial).Evaluate(ctx);
/// result.Total.backward();
/// </code></example>
public sealed class LossContext : IDisposable
{
    readonly List<Tensor> _owned = new();
    Tensor? _fakeScores, _realScores;

    /// <summary>The segmenter's logits, [N, C, H, W]; C = 1 for a binary sigmoid head.</summary>
    public Tensor? Logits { get; init; }

    /// <summary>Target labels: int class indices [N, H, W]; in binary mode 0/1 values [N, H, W] or [N, 1, H, W].</summary>
    public Tensor? Labels { get; init; }

    /// <summary>The dataset's ignore index (255, CamVid's void 11); segmentation terms without their own use it.</summary>
    public long? IgnoreIndex { get; init; }

    /// <summary>The generated or restored image, [N, C, H, W].</summary>
    public Tensor? Output { get; init; }

    /// <summary>The image <see cref="Output"/> should match.</summary>
    public Tensor? Target { get; init; }

    /// <summary>The discriminator's forward pass (run lazily on <see cref="FakeInput"/>, <see cref="RealInput"/> and WGAN-GP interpolates).</summary>
    public Func<Tensor, Tensor>? Discriminator { get; init; }

    /// <summary>What the discriminator sees for a fake (e.g. image and predicted mask concatenated).</summary>
    public Tensor? FakeInput { get; init; }

    /// <summary>What the discriminator sees for a real sample.</summary>
    public Tensor? RealInput { get; init; }

    /// <summary>The discriminator's output on fakes: given here, or computed on first read from <see cref="Discriminator"/> and <see cref="FakeInput"/>.</summary>
    /// <exception cref="LossConfigurationException">When neither is available.</exception>
    public Tensor FakeScores
    {
        get => _fakeScores ??= Score(FakeInput, LossInputs.FakeScores);
        init => _fakeScores = value;
    }

    /// <summary>The discriminator's output on reals: given here, or computed on first read from <see cref="Discriminator"/> and <see cref="RealInput"/>.</summary>
    /// <exception cref="LossConfigurationException">When neither is available.</exception>
    public Tensor RealScores
    {
        get => _realScores ??= Score(RealInput, LossInputs.RealScores);
        init => _realScores = value;
    }

    /// <summary>The inputs this context can provide.</summary>
    public LossInputs Provided
    {
        get
        {
            var p = LossInputs.None;
            if (Logits is not null) p |= LossInputs.Logits;
            if (Labels is not null) p |= LossInputs.Labels;
            if (Output is not null) p |= LossInputs.OutputImage;
            if (Target is not null) p |= LossInputs.TargetImage;
            if (_fakeScores is not null || (Discriminator is not null && FakeInput is not null)) p |= LossInputs.FakeScores;
            if (_realScores is not null || (Discriminator is not null && RealInput is not null)) p |= LossInputs.RealScores;
            if (Discriminator is not null && FakeInput is not null && RealInput is not null) p |= LossInputs.Discriminator;
            return p;
        }
    }

    /// <summary>The segmenter's logits, or a configuration error naming <paramref name="term"/>.</summary>
    public Tensor RequireLogits(string term) => Logits ?? throw Missing(term, LossInputs.Logits);

    /// <summary>The target labels, or a configuration error naming <paramref name="term"/>.</summary>
    public Tensor RequireLabels(string term) => Labels ?? throw Missing(term, LossInputs.Labels);

    /// <summary>The output image, or a configuration error naming <paramref name="term"/>.</summary>
    public Tensor RequireOutput(string term) => Output ?? throw Missing(term, LossInputs.OutputImage);

    /// <summary>The target image, or a configuration error naming <paramref name="term"/>.</summary>
    public Tensor RequireTarget(string term) => Target ?? throw Missing(term, LossInputs.TargetImage);

    /// <summary>The discriminator with both of its inputs, or a configuration error naming <paramref name="term"/>.</summary>
    public (Func<Tensor, Tensor> Discriminator, Tensor RealInput, Tensor FakeInput) RequireDiscriminator(string term) =>
        Discriminator is { } d && RealInput is { } real && FakeInput is { } fake ? (d, real, fake) : throw Missing(term, LossInputs.Discriminator);

    /// <summary>Disposes the discriminator outputs this context computed (not the tensors it was given).</summary>
    public void Dispose()
    {
        foreach (var t in _owned) t.Dispose();
        _owned.Clear();
    }

    Tensor Score(Tensor? input, LossInputs what)
    {
        if (Discriminator is null || input is null) throw Missing("", what);
        // Computed inside some term's evaluation scope but cached for the others: the context owns it.
        var scores = Discriminator(input).DetachFromDisposeScope();
        _owned.Add(scores);
        return scores;
    }

    static LossConfigurationException Missing(string term, LossInputs what) =>
        new((term.Length > 0 ? $"loss term '{term}' needs" : "the loss needs") + $" {LossInputsText.Describe(what)}, but the loss context has none: {HowToProvide(what)}");

    /// <summary>Which context properties to set for <paramref name="missing"/>.</summary>
    internal static string HowToProvide(LossInputs missing)
    {
        var how = new List<string>();
        if (missing.HasFlag(LossInputs.Logits)) how.Add("set Logits");
        if (missing.HasFlag(LossInputs.Labels)) how.Add("set Labels");
        if (missing.HasFlag(LossInputs.OutputImage)) how.Add("set Output");
        if (missing.HasFlag(LossInputs.TargetImage)) how.Add("set Target");
        if (missing.HasFlag(LossInputs.FakeScores)) how.Add("set Discriminator and FakeInput (or FakeScores)");
        if (missing.HasFlag(LossInputs.RealScores)) how.Add("set Discriminator and RealInput (or RealScores)");
        if (missing.HasFlag(LossInputs.Discriminator)) how.Add("set Discriminator, RealInput and FakeInput");
        return string.Join("; ", how);
    }
}
