namespace SegGanLab.Scripting;

/// <summary>
/// A display shown by <c>Display(x)</c>. <see cref="Update"/> replaces it in place
/// (Jupyter's <c>update_display_data</c>): live progress, a chart that grows, the latest masks.
/// It can be updated from any thread, also after the cell that created it has finished.
/// </summary>
public sealed class DisplayHandle
{
    readonly IScriptOutput _origin;

    internal DisplayHandle(string id, IScriptOutput origin)
    {
        Id = id;
        _origin = origin;
    }

    /// <summary>The display id (Jupyter's <c>transient.display_id</c>).</summary>
    public string Id { get; }

    /// <summary>Formats <paramref name="value"/> and shows it as a new display of the current cell.</summary>
    /// <exception cref="InvalidOperationException">Outside a running cell.</exception>
    public static DisplayHandle Show(object? value)
    {
        var cell = CellContext.Current ?? throw new InvalidOperationException("Display(...) works only while a script cell runs; there is no cell on this thread.");
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), cell.Output);
        cell.Output.Display(Formatter.Format(value), handle.Id, update: false);
        return handle;
    }

    /// <summary>Replaces what this display shows with <paramref name="value"/>.</summary>
    public void Update(object? value)
    {
        // A handle kept from an earlier cell updates through the current cell's output when there
        // is one (the frontend finds the display by id either way).
        var output = CellContext.Current?.Output ?? _origin;
        output.Display(Formatter.Format(value), Id, update: true);
    }
}
