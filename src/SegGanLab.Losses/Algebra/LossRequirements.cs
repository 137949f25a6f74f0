namespace SegGanLab.Losses;

/// <summary>
/// A term's metadata, checked before training and at every evaluation: the context inputs it reads
/// and, for segmentation terms that only work in one mode, that mode ("binary only",
/// "multiclass only").
/// </summary>
/// <param name="Inputs">What the term reads from the <see cref="LossContext"/>.</param>
/// <param name="OnlyMode">The one segmentation mode the term supports, or null when it supports both (or is not a segmentation term).</param>
public sealed record LossRequirements(LossInputs Inputs, SegmentationMode? OnlyMode = null)
{
    /// <summary>A sentence for logs and summaries, e.g. "needs the segmenter's logits, target class labels; multiclass only".</summary>
    public override string ToString() =>
        $"needs {LossInputsText.Describe(Inputs)}" + OnlyMode switch
        {
            SegmentationMode.Binary => "; binary (single-channel logits) only",
            SegmentationMode.Multiclass => "; multiclass (two or more logit channels) only",
            _ => "",
        };
}

/// <summary>
/// What a training recipe will put into each <see cref="LossContext"/>, for validating a loss
/// expression before training (<see cref="LossExpression.Validate"/>).
/// </summary>
/// <param name="Provided">The inputs the recipe fills.</param>
/// <param name="Classes">The number of logit channels of the segmenter (1 for a binary sigmoid head), when known.</param>
public sealed record LossSetup(LossInputs Provided, int? Classes = null)
{
    /// <summary>The segmentation mode the logits imply: binary for one channel, multiclass for more.</summary>
    public SegmentationMode? Mode => Classes switch
    {
        null => null,
        1 => SegmentationMode.Binary,
        _ => SegmentationMode.Multiclass,
    };
}
