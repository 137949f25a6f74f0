namespace SegGanLab.Plots;

/// <summary>
/// One kernel session's figure output: the first bundle carries plotly.js in its HTML fallback,
/// later ones rely on it. A kernel keeps one per session (a restart makes a new one); the
/// fallback's guard keeps a repeated load harmless when a page outlives the session.
/// </summary>
public sealed class NotebookPlotly
{
    int _sent;

    /// <summary>Whether a bundle carrying plotly.js has been produced.</summary>
    public bool PlotlyJsSent => Volatile.Read(ref _sent) != 0;

    /// <summary>The MIME bundle of <paramref name="figure"/>, carrying plotly.js the first time only.</summary>
    public IReadOnlyDictionary<string, object> Bundle(Figure figure) =>
        NotebookBundle.Create(figure, includePlotlyJs: Interlocked.Exchange(ref _sent, 1) == 0);

    /// <summary>Makes the next bundle carry plotly.js again (after the frontend page was reloaded, for instance).</summary>
    public void Reset() => Volatile.Write(ref _sent, 0);
}
