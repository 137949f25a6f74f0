namespace SegGanLab.Plots;

/// <summary>A font: family, size and colour.</summary>
public sealed record Font
{
    /// <summary>CSS font family list.</summary>
    public string? Family { get; init; }

    /// <summary>Size in pixels.</summary>
    public double? Size { get; init; }

    /// <summary>CSS colour.</summary>
    public string? Color { get; init; }
}
