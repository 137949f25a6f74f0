namespace SegGanLab.Scripting;

/// <summary>
/// What the cell running on this logical thread sees: its output, its cancellation token and its
/// name. It flows into tasks the cell starts (an <see cref="AsyncLocal{T}"/>), so output written
/// from them still reaches the cell. Code outside the scripting host (the training engine, a
/// formatter) reads <see cref="Current"/> to reach the notebook.
/// </summary>
public sealed class CellContext
{
    static readonly AsyncLocal<CellContext?> Ambient = new();

    internal CellContext(string name, IScriptOutput output, CancellationToken cancellation)
    {
        Name = name;
        Output = output;
        Cancellation = cancellation;
    }

    /// <summary>The cell running on this logical thread, or null outside a cell.</summary>
    public static CellContext? Current => Ambient.Value;

    /// <summary>The cell's name as diagnostics show it (<c>In[3]</c>, or a script's path).</summary>
    public string Name { get; }

    /// <summary>Where the cell's output goes.</summary>
    public IScriptOutput Output { get; }

    /// <summary>Cancelled when the user interrupts the cell; long-running code polls it.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Reads a line from the user through the host, or explains why it cannot.</summary>
    internal string ReadInput(string prompt, bool password)
    {
        Output.Flush();
        return Output.ReadInput(prompt, password, Cancellation)
            ?? throw new InvalidOperationException($"{Name}: this frontend offers no input (stdin is not allowed for this execution); pass values in code instead.");
    }

    /// <summary>Makes <paramref name="cell"/> current on this logical thread until the result is disposed.</summary>
    internal static Scope Enter(CellContext cell) => new(cell);

    internal readonly struct Scope : IDisposable
    {
        readonly CellContext? _previous;

        public Scope(CellContext cell)
        {
            _previous = Ambient.Value;
            Ambient.Value = cell;
        }

        public void Dispose() => Ambient.Value = _previous;
    }
}
