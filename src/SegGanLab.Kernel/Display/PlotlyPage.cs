using System.Text.Json.Nodes;
using SegGanLab.Plots;
using SegGanLab.Scripting;

namespace SegGanLab.Kernel;

/// <summary>
/// Gets plotly.js into the notebook page for the HTML fallback of figures: the first output of a
/// kernel session whose bundle draws with plotly.js (<see cref="MimeBundle.UsesPlotlyJs"/>) carries
/// the embedded bundle (about 4.8 MB, loaded only when the page has no <c>window.Plotly</c>), later
/// ones rely on it. Updates of that first display keep carrying it, so a notebook saved with the
/// display's last state still loads plotly.js. Works offline: JupyterLab and VS Code draw figures with
/// their plotly renderers from the plotly MIME type, nbconvert's HTML uses the fallback.
/// </summary>
internal sealed class PlotlyPage
{
    readonly Lock _gate = new();
    bool _sent;
    string? _carrier;

    /// <summary>Whether an output carrying plotly.js has been sent in this session.</summary>
    public bool Sent
    {
        get { lock (_gate) return _sent; }
    }

    /// <summary>
    /// The message data of <paramref name="bundle"/>, its HTML prefixed with the plotly.js loader when
    /// this output is the session's first to need it (or an update of the display that carried it).
    /// </summary>
    /// <param name="bundle">The formatted value.</param>
    /// <param name="displayId">The display id, or null for an execute_result.</param>
    /// <param name="update">True for update_display_data.</param>
    public JsonObject Data(MimeBundle bundle, string? displayId, bool update)
    {
        var data = bundle.ToJson();
        if (!bundle.UsesPlotlyJs || data["text/html"] is not JsonValue html || !html.TryGetValue<string>(out var text)) return data;
        bool carry;
        lock (_gate)
        {
            if (update) carry = displayId is not null && displayId == _carrier;
            else
            {
                carry = !_sent;
                if (carry) (_sent, _carrier) = (true, displayId);
            }
        }
        if (carry) data["text/html"] = NotebookBundle.PlotlyLoader() + "\n" + text;
        return data;
    }
}
