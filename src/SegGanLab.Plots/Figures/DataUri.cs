namespace SegGanLab.Plots;

/// <summary>Data URIs for embedding pictures in figures and self-contained HTML.</summary>
public static class DataUri
{
    /// <summary><c>data:image/png;base64,...</c> for a PNG file's bytes.</summary>
    public static string Png(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || png[0] != 0x89 || png[1] != (byte)'P' || png[2] != (byte)'N' || png[3] != (byte)'G')
            throw new ArgumentException($"Expected PNG bytes (signature 89 50 4E 47), got {png.Length} bytes that are not a PNG.", nameof(png));
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
