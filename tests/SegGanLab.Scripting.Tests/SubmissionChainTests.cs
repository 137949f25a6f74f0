using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Scripting.Tests;

/// <summary>
/// The session's own submission chain: cells that declare nothing run without lengthening it, and
/// everything Roslyn's scripting API did for chained cells still holds.
/// </summary>
public sealed class SubmissionChainTests : IDisposable
{
    readonly ScriptSession _session = new();

    public void Dispose() => _session.Dispose();

    [Theory]
    [InlineData("1+1", false)]
    [InlineData("x = 5;", false)]
    [InlineData("Console.WriteLine(x); model.Plot()", false)]
    [InlineData("for (int i = 0; i < 3; i++) total += i;", false)]
    [InlineData("foreach (var v in values) Console.WriteLine(v);", false)]
    [InlineData("if (ready) { Run(); }", false)]
    [InlineData("var x = 1;", true)]
    [InlineData("int Twice(int v) => 2 * v;", true)]
    [InlineData("class Point { }", true)]
    [InlineData("using System.Text;", true)]
    [InlineData("#r \"lib.dll\"\n1", true)]
    [InlineData("#load \"other.csx\"\n1", true)]
    [InlineData("int.TryParse(\"7\", out var n);", true)]
    [InlineData("if (o is int k) Console.WriteLine(k);", true)]
    [InlineData("(a, b) = (1, 2);", false)]
    [InlineData("var (a, b) = (1, 2);", true)]
    [InlineData("done: Console.WriteLine();", true)]
    public void Declares_CountsWhatALaterCellCouldName(string code, bool declares)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        Assert.Equal(declares, SubmissionChain.Declares(tree));
    }

    [Fact]
    public async Task BackgroundWarmUps_StartAfterTheFirstCell_AndLeaveTheChainAsItWas()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { BackgroundWarmUps = 3 });
        await session.Ready;
        Assert.Null(session.BackgroundWarmUp);
        session.RunOk("var a = 1;");
        Assert.NotNull(session.BackgroundWarmUp);
        await session.BackgroundWarmUp;
        Assert.Equal(1, session.ChainLength);
        Assert.Equal(["a"], session.Variables.Select(v => v.Name));
        session.RunOk("var b = a + 1;");
        Assert.Equal(3, session.RunOk("a + b").Value);
        Assert.Equal(2, session.ChainLength);
    }

    [Fact]
    public async Task BackgroundWarmUps_StopWhenTheSessionIsDisposed()
    {
        var session = new ScriptSession(new ScriptSessionOptions { BackgroundWarmUps = 100_000 });
        session.RunOk("1");
        var warmUp = session.BackgroundWarmUp!;
        session.Dispose();
        // Each round checks the cancellation; a hundred thousand rounds would take minutes.
        await warmUp.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(warmUp.IsCompleted);
    }

    [Fact]
    public void ExpressionCells_DoNotLengthenTheChain_ButSeeAndChangeVariables()
    {
        _session.RunOk("var counter = 1;");
        var length = _session.ChainLength;
        for (var i = 0; i < 5; i++) _session.RunOk("counter = counter * 2;");
        _session.RunOk("for (int i = 0; i < 3; i++) counter += i;");
        Assert.Equal(35, _session.RunOk("counter").Value);
        Assert.Equal(length, _session.ChainLength);
        _session.RunOk("var more = counter + 1;");
        Assert.Equal(length + 1, _session.ChainLength);
        Assert.Equal(36, _session.RunOk("more").Value);
    }

    [Fact]
    public void TopLevelDesignations_AreVariablesOfLaterCells()
    {
        _session.RunOk("int.TryParse(\"7\", out var parsed);");
        _session.RunOk("var (left, right) = (2, 3);");
        _session.RunOk("object boxed = 4; if (boxed is int unboxed) { }");
        Assert.Equal(7 + 2 + 3 + 4, _session.RunOk("parsed + left + right + unboxed").Value);
        Assert.Contains(_session.Variables, v => v.Name == "parsed" && Equals(v.Value, 7));
    }

    [Fact]
    public void UsingDirectiveAlone_CarriesToLaterCells()
    {
        var result = _session.RunOk("using System.Text;");
        Assert.False(result.HasValue);
        Assert.Equal("ab", _session.RunOk("new StringBuilder(\"a\").Append('b').ToString()").Value);
    }

    [Fact]
    public void EmptyCell_RunsAndHasNoValue()
    {
        var result = _session.RunOk("// nothing but a comment");
        Assert.False(result.HasValue);
        Assert.Null(result.Value);
    }

    [Fact]
    public void VariablesListsEachCellsFieldsOldestFirst_WithoutCompilerFields()
    {
        _session.RunOk("var first = \"a\"; var second = 2;");
        _session.RunOk("var first = 1.5;");
        var names = _session.Variables.Select(v => v.Name).ToList();
        Assert.Equal(["first", "second", "first"], names);
        Assert.Equal(typeof(double), _session.Variables[^1].Type);
        Assert.Equal(1.5, _session.RunOk("first").Value);
    }

    [Fact]
    public void ReferenceDirective_LoadsTheAssemblyForThisAndLaterCells()
    {
        var folder = Directory.CreateTempSubdirectory("seggan-chain-");
        try
        {
            var library = Path.Combine(folder.FullName, "ChainTestLibrary.dll");
            var compilation = CSharpCompilation.Create("ChainTestLibrary",
                [CSharpSyntaxTree.ParseText("namespace ChainTest; public static class Greeter { public static string Hello(string n) => \"hello \" + n; }")],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.True(compilation.Emit(library).Success);

            Assert.Equal("hello a", _session.RunOk($"#r \"{library}\"\nChainTest.Greeter.Hello(\"a\")").Value);
            Assert.Equal("hello b", _session.RunOk("ChainTest.Greeter.Hello(\"b\")").Value);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Theory]
    [InlineData("System.Diagnostics.Process.GetCurrentProcess().Id > 0")]                           // Process derives from a type in another assembly
    [InlineData("System.Text.Json.JsonSerializer.Serialize(new { a = 1 }) == \"{\\\"a\\\":1}\"")]
    [InlineData("System.Collections.Immutable.ImmutableArray.Create(1, 2).Length == 2")]
    [InlineData("new SegGanLab.Metrics.ConfusionMatrix(3).NumClasses == 3")]                                          // SegGanLab.Metrics, which no import names
    public void AssembliesTheLibrariesNeed_AreThereWithoutR(string code)
    {
        Assert.Equal(true, _session.RunOk(code).Value);
    }

    [Fact]
    public void LoadDirective_BringsTheFilesDeclarationsToLaterCells()
    {
        var file = Path.Combine(Path.GetTempPath(), $"seggan-chain-{Guid.NewGuid():N}.csx");
        File.WriteAllText(file, "var loaded = 41;\nint Bump(int v) => v + 1;\n");
        try
        {
            Assert.Equal(42, _session.RunOk($"#load \"{file}\"\nBump(loaded)").Value);
            Assert.Equal(41, _session.RunOk("loaded").Value);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Evaluation_DoesNotJoinTheChain_EvenWhenItDeclares()
    {
        var length = _session.ChainLength;
        Assert.Equal(2, (await _session.EvaluateAsync("var hidden = 2; hidden")).Value);
        Assert.Equal(length, _session.ChainLength);
        var later = _session.Run("hidden");
        Assert.Equal("CompilationError", later.Error?.Name);
    }

    [Fact]
    public void CompileErrors_ComeInSourceOrder_AndLeaveTheChainAsItWas()
    {
        _session.RunOk("var before = 1;");
        var length = _session.ChainLength;
        var result = _session.Run("var p = missingOne;\nvar q = missingTwo;", name: "In[4]");
        var error = Assert.IsType<ScriptError>(result.Error);
        Assert.Equal(2, error.Traceback.Count);
        Assert.StartsWith("In[4](1,9): error CS0103", error.Traceback[0]);
        Assert.StartsWith("In[4](2,9): error CS0103", error.Traceback[1]);
        Assert.Equal(length, _session.ChainLength);
        Assert.Equal(1, _session.RunOk("before").Value);
    }
}
