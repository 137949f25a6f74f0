using System.Globalization;
using SegGanLab.Scripting;

namespace SegGanLab.Kernel;

/// <summary>
/// The kernel's own diagnostics (dropped messages, unknown requests, failures), one timestamped
/// line each, on the process's real stderr (Jupyter shows it in its server log), never in a cell.
/// </summary>
public sealed class KernelLog(TextWriter? writer = null)
{
    readonly TextWriter _writer = writer ?? ConsoleCapture.OriginalError;
    readonly Lock _gate = new();

    /// <summary>Writes one line.</summary>
    public void Write(string message)
    {
        var line = $"[seggan kernel {DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}] {message}";
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
