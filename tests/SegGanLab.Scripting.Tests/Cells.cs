using SegGanLab.Scripting;

namespace SegGanLab.Scripting.Tests;

/// <summary>Helpers to run cells in a session and read their results.</summary>
internal static class Cells
{
    public static CellResult Run(this ScriptSession session, string code, IScriptOutput? output = null, string? name = null) =>
        session.ExecuteAsync(code, new CellOptions { Output = output, Name = name }).GetAwaiter().GetResult();

    public static CellResult RunOk(this ScriptSession session, string code, IScriptOutput? output = null)
    {
        var result = session.Run(code, output);
        Xunit.Assert.True(result.Succeeded, result.Error is { } e ? string.Join("\n", e.Traceback) : "");
        return result;
    }
}
