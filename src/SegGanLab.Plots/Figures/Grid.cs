namespace SegGanLab.Plots;

/// <summary>
/// plotly's <c>layout.grid</c>: lays the axes <c>x</c>, <c>x2</c>, ... and <c>y</c>, <c>y2</c>, ...
/// out in rows and columns without explicit domains. For full control give axes
/// <see cref="Axis.Domain"/>s instead (see <see cref="SubplotGrid"/>).
/// </summary>
public sealed record Grid
{
    /// <summary>Number of rows.</summary>
    public int? Rows { get; init; }

    /// <summary>Number of columns.</summary>
    public int? Columns { get; init; }

    /// <summary>One x/y pair per cell, or one x per column and one y per row.</summary>
    public GridPattern? Pattern { get; init; }

    /// <summary>Whether the first row is the top one (default) or the bottom one.</summary>
    public GridRowOrder? RowOrder { get; init; }

    /// <summary>Horizontal gap as a fraction of a cell, 0 to 1.</summary>
    public double? XGap { get; init; }

    /// <summary>Vertical gap as a fraction of a cell, 0 to 1.</summary>
    public double? YGap { get; init; }
}
