using System.Text;
using Spectre.Console;

namespace SegGanLab.Cli;

/// <summary>
/// A Spectre.Console output that is a terminal by decision of the caller: the CLI writes its live
/// display to the real stderr, which <see cref="SegGanLab.Scripting.ConsoleCapture"/> has replaced in
/// <see cref="Console.Error"/>, so Spectre's own check (is this writer the console's?) would
/// wrongly say no. The width is the terminal's, re-read on every render so resizing works.
/// </summary>
internal sealed class TerminalOutput(TextWriter writer) : IAnsiConsoleOutput
{
    /// <inheritdoc/>
    public TextWriter Writer { get; } = writer;

    /// <inheritdoc/>
    public bool IsTerminal => true;

    /// <inheritdoc/>
    public int Width => Size(() => System.Console.WindowWidth, "COLUMNS", 100);

    /// <inheritdoc/>
    public int Height => Size(() => System.Console.WindowHeight, "LINES", 24);

    /// <inheritdoc/>
    public void SetEncoding(Encoding encoding) { }

    /// <summary>A console on the terminal <paramref name="writer"/> writes to, with ANSI and live displays.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
        Out = new TerminalOutput(writer),
    });

    static int Size(Func<int> read, string variable, int fallback)
    {
        try
        {
            if (read() is > 0 and var size) return size;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException) { }
        return int.TryParse(Environment.GetEnvironmentVariable(variable), out var v) && v > 0 ? v : fallback;
    }
}
