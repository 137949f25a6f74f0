using System.Text.Json;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary><c>seggan run</c> on scripts the tests write, through the real CLI process.</summary>
public sealed class RunCommandTests : IDisposable
{
    readonly Seggan _cli = new();

    public void Dispose() => _cli.Dispose();

    static JsonElement Summary(CliResult result) =>
        JsonDocument.Parse(result.Stdout.TrimEnd('\n').Split('\n')[^1]).RootElement;

    [Fact]
    public void CompileError_IsReportedWithTheScriptsPathLineAndColumn()
    {
        var path = _cli.Write("experiments/bad.csx", "var a = 1;\nvar b = a +;\n");
        var result = _cli.Run("run", "experiments/bad.csx");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"{path}(2,12): error CS1525:", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void CompileErrorInALoadedFile_NamesThatFile_AndRuntimeErrorsShowScriptLines()
    {
        var lib = _cli.Write("experiments/lib/helpers.csx", "int Divide(int a, int b)\n{\n    return a / b;\n}\n\nint Broken() => missingName;\n");
        _cli.Write("experiments/main.csx", "#load \"lib/helpers.csx\"\nvar zero = 0;\nConsole.WriteLine(Divide(1, zero));\n");
        var compile = _cli.Run("run", "experiments/main.csx");
        Assert.True(compile.ExitCode == 1, compile.ToString());
        Assert.StartsWith($"{lib}(6,17): error CS0103:", compile.Stderr);

        var main = _cli.Write("experiments/lib/helpers.csx", "int Divide(int a, int b)\n{\n    return a / b;\n}\n");
        var run = _cli.Run("run", "experiments/main.csx");
        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Stderr.Split('\n');
        Assert.Equal("Unhandled exception. System.DivideByZeroException: Attempted to divide by zero.", lines[0]);
        Assert.Equal($"   at Divide(Int32 a, Int32 b) in {main}:line 3", lines[1]);
        Assert.Equal($"   at {Path.Combine(_cli.Folder, "experiments", "main.csx")}:line 3", lines[2]);
        Assert.DoesNotContain("SegGanLab.", run.Stderr);
    }

    [Fact]
    public void ScriptArgs_ArriveAfterTheDoubleDash()
    {
        _cli.Write("args.csx", "Console.WriteLine(string.Join(\"|\", Args));");
        var result = _cli.Run("run", "args.csx", "--", "--steps", "7", "camvid:/data");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("--steps|7|camvid:/data\n", result.Stdout);
    }

    [Fact]
    public void Cache_TheSecondStartUsesTheCompiledBuild_AndJsonParses()
    {
        _cli.Write("hello.csx", "Console.WriteLine(\"hello\");");
        var first = _cli.Run("run", "hello.csx", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("hello\n", first.Stdout);
        var cold = Summary(first);
        Assert.Equal("ok", cold.GetProperty("status").GetString());
        Assert.Equal(0, cold.GetProperty("exit_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, cold.GetProperty("run").ValueKind);
        Assert.False(cold.GetProperty("compile").GetProperty("cached").GetBoolean());
        var entry = cold.GetProperty("compile").GetProperty("cache_entry").GetString()!;
        Assert.StartsWith(_cli.Cache, entry);
        Assert.True(File.Exists(Path.Combine(entry, "manifest.json")));

        var warm = Summary(_cli.Run("run", "hello.csx", "--json"));
        Assert.True(warm.GetProperty("compile").GetProperty("cached").GetBoolean());
        Assert.Equal(entry, warm.GetProperty("compile").GetProperty("cache_entry").GetString());

        var uncached = Summary(_cli.Run("run", "hello.csx", "--json", "--no-cache"));
        Assert.False(uncached.GetProperty("compile").GetProperty("cached").GetBoolean());
        Assert.Equal(JsonValueKind.Null, uncached.GetProperty("compile").GetProperty("cache_entry").ValueKind);
    }

    [Fact]
    public void JsonSummary_ReportsAScriptError()
    {
        _cli.Write("fails.csx", "throw new InvalidOperationException(\"no luck\");");
        var result = _cli.Run("run", "fails.csx", "--json");
        Assert.Equal(1, result.ExitCode);
        var summary = Summary(result);
        Assert.Equal("error", summary.GetProperty("status").GetString());
        Assert.Equal("no luck", summary.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("missing.csx", "The script 'missing.csx' does not exist")]
    [InlineData("--bogus", "'--bogus' is not an option of seggan run")]
    public void UserMistakes_AreOneLine_ExitCode2_WithoutAStackTrace(string argument, string message)
    {
        var result = _cli.Run("run", argument);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error: {message}", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void BadOptionValue_NamesTheOption_ExitCode2()
    {
        _cli.Write("ok.csx", "1");
        var result = _cli.Run("run", "ok.csx", "--progress", "fancy");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--progress", result.Stderr);
        Assert.EndsWith("Run 'seggan run --help' for the arguments and options.\n", result.Stderr);
    }

    [Fact]
    public void MissingFileMetByTheScript_IsOneLine_WithTheScriptLine_ExitCode2()
    {
        var path = _cli.Write("reads.csx", "var x = 1;\nvar text = System.IO.File.ReadAllText(\"no-such-data.txt\");\n");
        var result = _cli.Run("run", "reads.csx");
        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: Could not find file", lines[0]);
        Assert.Equal($"   at {path}:line 2", lines[1]);
    }
}
