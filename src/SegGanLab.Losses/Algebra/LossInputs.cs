namespace SegGanLab.Losses;

/// <summary>
/// What a loss term reads from its <see cref="LossContext"/>. Terms declare what they need
/// (<see cref="LossRequirements"/>); a training recipe declares what it provides
/// (<see cref="LossSetup"/>), and <see cref="LossExpression.Validate"/> compares the two before
/// any training starts.
/// </summary>
[Flags]
public enum LossInputs
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>The segmenter's logits, [N, C, H, W] (C = 1 for a binary sigmoid head); probabilities are taken inside the term.</summary>
    Logits = 1,
    /// <summary>Target class labels, [N, H, W] (or [N, 1, H, W] in binary mode).</summary>
    Labels = 2,
    /// <summary>An output image (generated or restored), [N, C, H, W].</summary>
    OutputImage = 4,
    /// <summary>The target image the output is compared with.</summary>
    TargetImage = 8,
    /// <summary>The discriminator's output on fakes (given, or computed lazily from the discriminator and its fake input).</summary>
    FakeScores = 16,
    /// <summary>The discriminator's output on reals (given, or computed lazily).</summary>
    RealScores = 32,
    /// <summary>The discriminator itself with its real and fake inputs (WGAN-GP's gradient penalty runs it on interpolates).</summary>
    Discriminator = 64,
}

/// <summary>Human-readable names of <see cref="LossInputs"/> for error messages.</summary>
internal static class LossInputsText
{
    static readonly (LossInputs Flag, string Text)[] Names =
    [
        (LossInputs.Logits, "the segmenter's logits"),
        (LossInputs.Labels, "target class labels"),
        (LossInputs.OutputImage, "an output image"),
        (LossInputs.TargetImage, "a target image"),
        (LossInputs.FakeScores, "the discriminator's output on fakes"),
        (LossInputs.RealScores, "the discriminator's output on reals"),
        (LossInputs.Discriminator, "the discriminator with its real and fake inputs"),
    ];

    /// <summary>"the segmenter's logits, target class labels" for the set flags.</summary>
    public static string Describe(LossInputs inputs)
    {
        var parts = Names.Where(n => inputs.HasFlag(n.Flag)).Select(n => n.Text).ToArray();
        return parts.Length == 0 ? "nothing" : string.Join(", ", parts);
    }
}
