namespace SegGanLab.Plots;

/// <summary>
/// A rows x columns grid of subplots laid out with axis domains: cell (row, column), row 0 at
/// the top, gets its own x/y axis pair, numbered row by row (<c>x</c>/<c>y</c>, <c>x2</c>/<c>y2</c>, ...).
/// </summary>
public sealed record SubplotGrid
{
    /// <summary>A grid; gaps are fractions of the figure between neighbouring cells.</summary>
    public SubplotGrid(int rows, int columns, double xGap = 0.03, double yGap = 0.06)
    {
        if (rows < 1 || columns < 1) throw new ArgumentOutOfRangeException(nameof(rows), $"A subplot grid needs at least one row and one column, got {rows}x{columns}.");
        if (xGap < 0 || yGap < 0 || xGap * (columns - 1) >= 1 || yGap * (rows - 1) >= 1)
            throw new ArgumentOutOfRangeException(nameof(xGap), $"Gaps {xGap}/{yGap} leave no room for {rows}x{columns} cells: they must be >= 0 and sum to less than 1 per direction.");
        (Rows, Columns, XGap, YGap) = (rows, columns, xGap, yGap);
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Horizontal gap between cells, as a fraction of the figure width.</summary>
    public double XGap { get; }

    /// <summary>Vertical gap between cells, as a fraction of the figure height.</summary>
    public double YGap { get; }

    /// <summary>The x axis id of a cell (<c>"x"</c>, <c>"x2"</c>, ...), for <see cref="Trace.XAxis"/>.</summary>
    public string XAxisId(int row, int column) => AxisId('x', Index(row, column));

    /// <summary>The y axis id of a cell, for <see cref="Trace.YAxis"/>.</summary>
    public string YAxisId(int row, int column) => AxisId('y', Index(row, column));

    /// <summary>The horizontal span <c>[from, to]</c> of a column.</summary>
    public double[] XDomain(int column) => Span(column, Columns, XGap);

    /// <summary>The vertical span of a row (row 0 is the top one).</summary>
    public double[] YDomain(int row) => Span(Rows - 1 - row, Rows, YGap);

    /// <summary>
    /// Every cell's x and y axis with its domain and anchor, keyed by axis id for
    /// <see cref="Layout.Axes"/>; <paramref name="style"/> gives each cell's axes their other
    /// attributes (it receives row, column and whether the axis is the x one).
    /// </summary>
    public Dictionary<string, Axis> Axes(Func<int, int, bool, Axis>? style = null)
    {
        var axes = new Dictionary<string, Axis>(StringComparer.Ordinal);
        for (var row = 0; row < Rows; row++)
            for (var column = 0; column < Columns; column++)
            {
                var (x, y) = (XAxisId(row, column), YAxisId(row, column));
                axes[x] = (style?.Invoke(row, column, true) ?? new Axis()) with { Domain = XDomain(column), Anchor = y };
                axes[y] = (style?.Invoke(row, column, false) ?? new Axis()) with { Domain = YDomain(row), Anchor = x };
            }
        return axes;
    }

    /// <summary>The axis id for the axis with 0-based number <paramref name="index"/>: <c>x</c>, <c>x2</c>, <c>x3</c>, ...</summary>
    public static string AxisId(char letter, int index) => index == 0 ? letter.ToString() : $"{letter}{index + 1}";

    int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            throw new ArgumentOutOfRangeException(nameof(row), $"Cell ({row}, {column}) is outside the {Rows}x{Columns} subplot grid.");
        return row * Columns + column;
    }

    static double[] Span(int index, int count, double gap)
    {
        var size = (1 - gap * (count - 1)) / count;
        var from = index * (size + gap);
        return [Math.Round(from, 6), Math.Round(Math.Min(1, from + size), 6)];
    }
}
