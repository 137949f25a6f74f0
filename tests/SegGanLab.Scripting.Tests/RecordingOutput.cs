using System.Text;
using SegGanLab.Scripting;

namespace SegGanLab.Scripting.Tests;

/// <summary>An <see cref="IScriptOutput"/> that records what a cell sent, in order.</summary>
internal sealed class RecordingOutput : IScriptOutput
{
    readonly Lock _gate = new();
    readonly StringBuilder _out = new(), _error = new();

    public List<(string Kind, string Text, string? Id)> Events { get; } = [];
    public Queue<string> Inputs { get; } = new();

    public string Out { get { lock (_gate) return _out.ToString(); } }
    public string Error { get { lock (_gate) return _error.ToString(); } }

    public void Write(ConsoleStream stream, string text)
    {
        lock (_gate) (stream == ConsoleStream.Error ? _error : _out).Append(text);
    }

    public void Display(MimeBundle bundle, string displayId, bool update)
    {
        lock (_gate) Events.Add((update ? "update" : "display", bundle.PlainText, displayId));
    }

    public void ClearOutput(bool wait)
    {
        lock (_gate) Events.Add(("clear", wait ? "wait" : "", null));
    }

    public void Page(MimeBundle bundle)
    {
        lock (_gate) Events.Add(("page", bundle.PlainText, null));
    }

    public string? ReadInput(string prompt, bool password, CancellationToken cancellation)
    {
        lock (_gate)
        {
            Events.Add(("input", prompt, null));
            return Inputs.Count > 0 ? Inputs.Dequeue() : null;
        }
    }

    public void Flush() { }
}
