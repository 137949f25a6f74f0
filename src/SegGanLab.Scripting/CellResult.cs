namespace SegGanLab.Scripting;

/// <summary>What running one cell produced.</summary>
public sealed record CellResult
{
    /// <summary>The failure, or null when the cell ran to the end.</summary>
    public ScriptError? Error { get; init; }

    /// <summary>True when the cell ended with an expression (without a semicolon) whose value is <see cref="Value"/>.</summary>
    public bool HasValue { get; init; }

    /// <summary>The value of the cell's last expression.</summary>
    public object? Value { get; init; }

    /// <summary><see cref="Value"/> through the <see cref="Formatter"/> (null when there is no value).</summary>
    public MimeBundle? Formatted { get; init; }

    /// <summary>True when there is no <see cref="Error"/>.</summary>
    public bool Succeeded => Error is null;
}
