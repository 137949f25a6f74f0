using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SegGanLab.Scripting;
using SegGanLab.Torch;
using Xunit;

namespace SegGanLab.Scripting.Tests;

/// <summary>Script files run as one compiled submission: errors with real files and lines, args, #load, #r, values, scopes.</summary>
public sealed class ScriptFileTests : IDisposable
{
    readonly TemporaryFolder _folder = new("seggan-scripts-");
    readonly ScriptSession _session = new(new ScriptSessionOptions { Globals = new ScriptGlobals { Args = ["--steps", "7"] }, WarmUp = false });

    string Cache => Path.Combine(_folder.Root, "cache");

    public void Dispose()
    {
        _session.Dispose();
        _folder.Dispose();
    }

    CellResult Run(CompiledScript script, IScriptOutput? output = null) =>
        _session.ExecuteAsync(script, new CellOptions { Output = output }).GetAwaiter().GetResult();

    [Fact]
    public void Script_SeesItsArgs_TheDefaultImports_AndItsOwnPathAsTheCellName()
    {
        var path = _folder.Write("args.csx", "Console.WriteLine(string.Join(\"|\", Args));\nConsole.WriteLine(zeros(2, 3).shape.Length);");
        var output = new RecordingOutput();
        var result = Run(_session.CompileFile(path), output);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("--steps|7\n2\n", output.Out);
    }

    [Fact]
    public void CompileError_NamesTheFullPathLineAndColumn()
    {
        var path = _folder.Write("bad.csx", "var a = 1;\nvar b = a +;\n");
        var script = _session.CompileFile(path);
        Assert.False(script.Succeeded);
        Assert.StartsWith($"{path}(2,12): error CS1525:", script.Errors[0]);
        var result = Run(script);
        Assert.Equal("CompilationError", result.Error!.Name);
        Assert.Equal(script.Errors, result.Error.Traceback);
    }

    [Fact]
    public void CompileErrorInALoadedFile_NamesThatFile()
    {
        var lib = _folder.Write("lib/helpers.csx", "int Twice(int x) => 2 * x;\n\nint Broken() => undefinedThing;\n");
        var path = _folder.Write("main.csx", "#load \"lib/helpers.csx\"\nConsole.WriteLine(Twice(2));\n");
        var script = _session.CompileFile(path);
        var error = Assert.Single(script.Errors);
        Assert.StartsWith($"{lib}(3,17): error CS0103:", error);
        Assert.Contains("undefinedThing", error);
    }

    [Fact]
    public void Load_RunsTheLoadedFile_RelativeToTheScript()
    {
        _folder.Write("lib/helpers.csx", "#load \"more.csx\"\nint Twice(int x) => 2 * x;\n");
        _folder.Write("lib/more.csx", "const int Offset = 1;\n");
        var path = _folder.Write("main.csx", "#load \"lib/helpers.csx\"\nTwice(20) + Offset + 1");
        var script = _session.CompileFile(path);
        Assert.Equal(3, script.SourceFiles.Count);
        var result = Run(script);
        Assert.True(result.HasValue);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void RuntimeException_ShowsTheScriptsLines_AndNoHostFrames()
    {
        var lib = _folder.Write("lib.csx", "int Divide(int a, int b)\n{\n    return a / b;\n}\n");
        var path = _folder.Write("throws.csx", "#load \"lib.csx\"\nvar zero = 0;\nConsole.WriteLine(\"before\");\nDivide(1, zero);\n");
        var error = Run(_session.CompileFile(path)).Error!;
        Assert.Equal("DivideByZeroException", error.Name);
        Assert.Contains(error.Traceback, l => l.Contains("Divide(Int32 a, Int32 b)") && l.EndsWith($"in {lib}:line 3"));
        Assert.Contains(error.Traceback, l => l.Trim() == $"at {path}:line 4");
        Assert.DoesNotContain(error.Traceback, l => l.Contains("ScriptSession") || l.Contains("Factory") || l.Contains("Microsoft.CodeAnalysis"));
    }

    [Fact]
    public void Cache_ReusesTheBuild_UntilTheScriptOrALoadedFileChanges()
    {
        var lib = _folder.Write("lib.csx", "int Value() => 1;\n");
        var path = _folder.Write("cached.csx", "#load \"lib.csx\"\nValue()");
        var first = _session.CompileFile(path, Cache);
        Assert.False(first.FromCache);
        Assert.StartsWith(Cache, first.CacheEntry);
        Assert.True(File.Exists(Path.Combine(first.CacheEntry!, "manifest.json")));
        var second = _session.CompileFile(path, Cache);
        Assert.True(second.FromCache);
        Assert.Equal(first.CacheEntry, second.CacheEntry);
        Assert.Equal(1, Run(second).Value);

        _folder.Write("lib.csx", "int Value() => 2;\n");
        var afterLoadEdit = _session.CompileFile(path, Cache);
        Assert.False(afterLoadEdit.FromCache);
        Assert.Equal(2, Run(afterLoadEdit).Value);
        Assert.True(_session.CompileFile(path, Cache).FromCache);

        _folder.Write("cached.csx", "#load \"lib.csx\"\nValue() + 1");
        Assert.False(_session.CompileFile(path, Cache).FromCache);
        Assert.Single(Directory.GetFiles(first.CacheEntry!, "*.dll"));
        Assert.True(File.Exists(lib));
    }

    [Fact]
    public void Cache_IgnoresACorruptEntry_AndRewritesIt()
    {
        var path = _folder.Write("corrupt.csx", "40 + 2");
        var entry = _session.CompileFile(path, Cache).CacheEntry!;
        File.WriteAllText(Path.Combine(entry, "manifest.json"), "{ not json");
        var again = _session.CompileFile(path, Cache);
        Assert.False(again.FromCache);
        Assert.Equal(42, Run(again).Value);
        Assert.True(_session.CompileFile(path, Cache).FromCache);
    }

    [Fact]
    public void Reference_LoadsTheNamedAssembly_RelativeToTheScript()
    {
        var dll = Path.Combine(_folder.Root, "bin", "Greeter.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        var library = CSharpCompilation.Create("Greeter",
            [CSharpSyntaxTree.ParseText("namespace Greeting; public static class Greeter { public static string Hello(string n) => \"hello \" + n; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(library.Emit(dll).Success);
        var path = _folder.Write("ref.csx", "#r \"bin/Greeter.dll\"\nGreeting.Greeter.Hello(Args[1])");
        var script = _session.CompileFile(path, Cache);
        Assert.Equal("hello 7", Run(script).Value);
        var cached = _session.CompileFile(path, Cache);
        Assert.True(cached.FromCache);
        Assert.Equal("hello 7", Run(cached).Value);
    }

    [Fact]
    public void MissingFile_IsAFileNotFoundException_NamingIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => _session.CompileFile(Path.Combine(_folder.Root, "nope.csx")));
        Assert.Contains("nope.csx", e.Message);
    }

    [Fact]
    public void FileRun_FreesItsTemporaries_AndKeepsWhatItsStaticsHold()
    {
        var path = _folder.Write("tensors.csx", "static class Keep { public static Tensor Kept = ones(3); }\nvar t = Keep.Kept + randn(4, 4).sum();\nfor (var i = 0; i < 10; i++) { var x = randn(8); }\n");
        var script = _session.CompileFile(path);
        var before = LiveTensors.Settled();
        Assert.True(Run(script).Succeeded);
        // Kept (a static) and t (a top-level variable) survive; the ten randn(8), the sum and randn(4, 4) are freed.
        Assert.Equal(before + 2, TensorStatistics.Live);
    }

    [Fact]
    public async Task Interrupt_StopsAFileRun_ThatPollsTheToken()
    {
        var path = _folder.Write("loop.csx", "Console.Write(\"started\");\nwhile (true) { Cancellation.ThrowIfCancellationRequested(); Thread.Sleep(1); }\n");
        var output = new RecordingOutput();
        var running = _session.ExecuteAsync(_session.CompileFile(path), new CellOptions { Output = output });
        Assert.True(SpinWait.SpinUntil(() => output.Out == "started", TimeSpan.FromSeconds(60)), output.Error);
        _session.Interrupt();
        Assert.True((await running).Error!.Interrupted);
    }
}
