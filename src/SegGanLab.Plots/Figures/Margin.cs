namespace SegGanLab.Plots;

/// <summary>The space in pixels around the plotting area.</summary>
public sealed record Margin
{
    /// <summary>Left.</summary>
    public double? L { get; init; }

    /// <summary>Right.</summary>
    public double? R { get; init; }

    /// <summary>Top.</summary>
    public double? T { get; init; }

    /// <summary>Bottom.</summary>
    public double? B { get; init; }

    /// <summary>Between the plotting area and the axis lines.</summary>
    public double? Pad { get; init; }
}
