using System.Text;

namespace SegGanLab.Scripting;

/// <summary>
/// Routes <c>Console.Out</c>, <c>Console.Error</c> and <c>Console.In</c> to the output of the cell
/// running on the current logical thread (<see cref="CellContext.Current"/>, which flows into
/// tasks the cell starts), and to the process's real console everywhere else. Installed once per
/// process by the first <see cref="ScriptSession"/>; installing it again does nothing.
/// </summary>
public static class ConsoleCapture
{
    static readonly Lock Gate = new();
    static bool _installed;

    /// <summary>The process's stdout before the capture was installed (hosts log and print here).</summary>
    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    /// <summary>The process's stderr before the capture was installed.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    /// <summary>The process's stdin before the capture was installed.</summary>
    public static TextReader OriginalIn { get; private set; } = Console.In;

    /// <summary>Redirects the console to the routing writers (idempotent).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            OriginalOut = Console.Out;
            OriginalError = Console.Error;
            OriginalIn = Console.In;
            Console.SetOut(new RoutingWriter(ConsoleStream.Out, OriginalOut));
            Console.SetError(new RoutingWriter(ConsoleStream.Error, OriginalError));
            Console.SetIn(new RoutingReader(OriginalIn));
            _installed = true;
        }
    }

    sealed class RoutingWriter(ConsoleStream stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (CellContext.Current is { } cell) cell.Output.Write(stream, value);
            else fallback.Write(value);
        }

        public override void Flush()
        {
            if (CellContext.Current is { } cell) cell.Output.Flush();
            else fallback.Flush();
        }
    }

    sealed class RoutingReader(TextReader fallback) : TextReader
    {
        public override string? ReadLine() =>
            CellContext.Current is { } cell ? cell.ReadInput("", password: false) : fallback.ReadLine();

        // Character-level reads of a cell's input would need a line buffer per cell; scripts read lines.
        public override int Read() => CellContext.Current is null ? fallback.Read()
            : throw new NotSupportedException("Console.Read() is not supported in a script cell; use Console.ReadLine() or Input(prompt).");

        public override int Peek() => CellContext.Current is null ? fallback.Peek() : -1;
    }
}
