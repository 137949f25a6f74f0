using System.Globalization;
using System.Text;

namespace SegGanLab.Data;

public sealed partial class DatasetSummary
{
    /// <summary>A plain-text report: counts, sizes, a per-class pixel table and the warnings.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{Name}: {DatasetCount} samples{(SamplesRead < DatasetCount ? $" ({SamplesRead} examined)" : "")}, ")
          .Append(inv, $"{Classes.Count} classes, ignore index {Classes.IgnoreIndex}{(Classes.Binary ? ", binary" : "")}\n");
        var sizes = ImageSizes.Take(5).Select(s => string.Create(inv, $"{s.Width}x{s.Height} ({s.Count})"));
        sb.Append("Image sizes: ").Append(ImageSizes.Count == 0 ? "none readable" : string.Join(", ", sizes))
          .Append(ImageSizes.Count > 5 ? $", ... {ImageSizes.Count} sizes in all" : "").Append('\n');
        sb.Append(inv, $"Pixels: {TotalPixels:N0}, ignored {Share(IgnoredPixels, TotalPixels)}\n");
        var width = Math.Max(5, Classes.Names.Max(n => n.Length));
        sb.Append(inv, $"{"#",4}  {"class".PadRight(width)}  {"pixels",14}  {"share",7}  {"images",7}\n");
        var labelled = TotalPixels - IgnoredPixels;
        for (var c = 0; c < Classes.Count; c++)
            sb.Append(inv, $"{c,4}  {Classes.Names[c].PadRight(width)}  {ClassPixels[c],14:N0}  {Share(ClassPixels[c], labelled),7}  {ImagesWithClass[c],7}\n");
        if (Warnings.Count == 0) sb.Append("No warnings.\n");
        else
        {
            sb.Append("Warnings:\n");
            foreach (var w in Warnings) sb.Append("  - ").Append(w).Append('\n');
        }
        return sb.ToString();
    }

    static string Share(long part, long whole) =>
        whole == 0 ? "-" : ((double)part / whole).ToString("0.0%", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => ToText();
}
