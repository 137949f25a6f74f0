using SegGanLab.Data;
using SegGanLab.Imaging;
using SegGanLab.Metrics;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// Evaluates a segmenter on a loader: one streaming confusion matrix over every batch (the single
/// source of the metrics), plus the first few samples as image / truth / prediction PNGs in the
/// dataset palette. Shared by every segmentation recipe.
/// </summary>
public static class SegmentationEvaluator
{
    /// <summary>
    /// Runs <paramref name="segmenter"/> (in eval mode, without gradients; its mode is restored
    /// afterwards) over one pass of <paramref name="loader"/>.
    /// </summary>
    public static Evaluation Evaluate(nn.Module<Tensor, Tensor> segmenter, DataLoader loader, int samples, CancellationToken cancellation)
    {
        var classes = loader.Dataset.Classes;
        var wasTraining = segmenter.training;
        segmenter.eval();
        using var confusion = classes.Binary
            ? ConfusionMatrix.Binary(ignoreIndex: classes.IgnoreIndex, classNames: classes.Names)
            : new ConfusionMatrix(classes.Count, classes.IgnoreIndex, classes.Names);
        var shown = new List<EvaluationSample>();
        var palette = classes.LabelPalette();
        try
        {
            using var grad = no_grad();
            foreach (var batch in loader.Epoch(0, cancellation: cancellation))
            {
                using var scope = NewDisposeScope();
                using (batch)
                {
                    var logits = segmenter.forward(batch.Images);
                    confusion.Update(logits, batch.Masks);
                    for (var k = 0; k < batch.Count && shown.Count < samples; k++)
                        shown.Add(Sample(batch, logits, k, loader.Transforms.Normalization, palette, classes.Binary));
                }
            }
        }
        finally
        {
            segmenter.train(wasTraining);
        }
        var scores = confusion.Compute();
        return new Evaluation { Metrics = scores.Summary, Scores = scores, Confusion = confusion.Counts, Samples = shown };
    }

    static EvaluationSample Sample(Batch batch, Tensor logits, int k, Normalization normalization, Palette palette, bool binary)
    {
        using var image = batch.Images[k];
        using var truth = batch.Masks[k];
        using var scores = logits[k];
        using var predicted = binary ? scores[0].gt(0) : scores.argmax(0);
        return new EvaluationSample([
            new("image", normalization.ToImage(image)),
            new("truth", LabelImage(truth, palette)),
            new("pred", LabelImage(predicted, palette)),
        ]);
    }

    /// <summary>A [H, W] label tensor as a palette image whose pixels are the labels.</summary>
    public static ImageData LabelImage(Tensor labels, Palette palette)
    {
        using var bytes = labels.to(ScalarType.Byte);
        var shape = labels.shape;
        return new ImageData((int)shape[1], (int)shape[0], 1, bytes.data<byte>(), palette);
    }
}
