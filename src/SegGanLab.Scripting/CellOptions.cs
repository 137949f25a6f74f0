namespace SegGanLab.Scripting;

/// <summary>How to run one cell.</summary>
public sealed record CellOptions
{
    /// <summary>
    /// The name diagnostics and stack frames show for the cell: <c>In[3]</c> for a notebook cell,
    /// the path for a script file. Null: <c>In[n]</c> with the session's own count.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Where the cell's output goes; null discards it.</summary>
    public IScriptOutput? Output { get; init; }
}
