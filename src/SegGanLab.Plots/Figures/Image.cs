namespace SegGanLab.Plots;

/// <summary>
/// A plotly <c>image</c> trace: an RGB(A) picture drawn on a pair of axes, one pixel per axis
/// unit, with the y axis pointing down. Usually given as a PNG data URI (<see cref="FromPng"/>).
/// </summary>
public sealed record Image() : Trace("image")
{
    /// <summary>The picture as a data URI (<c>data:image/png;base64,...</c>).</summary>
    public string? Source { get; init; }

    /// <summary>The picture as rows of <c>[r, g, b]</c> pixels, when no <see cref="Source"/> is given.</summary>
    public DataArray? Z { get; init; }

    /// <summary>x of the first pixel column's centre.</summary>
    public double? X0 { get; init; }

    /// <summary>y of the first pixel row's centre.</summary>
    public double? Y0 { get; init; }

    /// <summary>Pixel width in x units.</summary>
    public double? Dx { get; init; }

    /// <summary>Pixel height in y units.</summary>
    public double? Dy { get; init; }

    /// <summary>An image trace showing a PNG file's bytes.</summary>
    public static Image FromPng(ReadOnlySpan<byte> png) => new() { Source = DataUri.Png(png) };
}
