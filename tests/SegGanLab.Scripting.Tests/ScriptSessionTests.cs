using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class ScriptSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    readonly ScriptSession _session = fixture.Session;

    [Fact]
    public void Variables_PersistAcrossCells()
    {
        _session.RunOk("var x = 20;");
        _session.RunOk("int Twice(int v) => 2 * v;");
        var result = _session.RunOk("Twice(x) + 2");
        Assert.True(result.HasValue);
        Assert.Equal(42, result.Value);
        Assert.Equal("42", result.Formatted!.PlainText);
    }

    [Fact]
    public void Statement_HasNoValue_AndVoidCallHasNone()
    {
        Assert.False(_session.RunOk("var y = 1;").HasValue);
        Assert.False(_session.RunOk("Console.Write(\"\")").HasValue);
    }

    [Fact]
    public void DefaultImports_GiveTorchNamesBare()
    {
        var result = _session.RunOk("zeros(2, 3).shape.Length + new List<int> { 1 }.Sum()");
        Assert.Equal(3, result.Value);
    }

    [Fact]
    public void CompileError_NamesTheCellAndItsOwnLine()
    {
        _session.RunOk("var a = 1;");
        var result = _session.Run("var b = 2;\nvar c = undefinedName + 1;", name: "In[7]");
        var error = Assert.IsType<ScriptError>(result.Error);
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("In[7](2,9): error CS0103:", error.Message);
        Assert.Contains("undefinedName", error.Message);
        Assert.Single(error.Traceback);
    }

    [Fact]
    public void RuntimeException_HasScriptLines_AndNoHostFrames()
    {
        _session.RunOk("int Divide(int a, int b)\n{\n    return a / b;\n}", null);
        var result = _session.Run("var z = 0;\nDivide(1, z)", name: "In[3]");
        var error = Assert.IsType<ScriptError>(result.Error);
        Assert.Equal("DivideByZeroException", error.Name);
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.", error.Traceback[0]);
        Assert.Contains(error.Traceback, l => l.Contains("Divide(Int32 a, Int32 b)") && l.EndsWith(":line 3"));
        Assert.Contains(error.Traceback, l => l.Trim() == "at In[3]:line 2");
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis") || l.Contains("ScriptSession") || l.Contains("TaskAwaiter"));
    }

    [Fact]
    public void VariablesAssignedBeforeAnException_StillExist()
    {
        _session.Run("var kept = 5; throw new InvalidOperationException(\"stop\");");
        Assert.Equal(6, _session.RunOk("kept + 1").Value);
    }

    [Fact]
    public void ConsoleOutput_GoesToTheCellsOutput()
    {
        var output = new RecordingOutput();
        _session.RunOk("Console.WriteLine(\"hello, world\"); Console.Error.Write(\"oops\");", output);
        Assert.Equal("hello, world\n", output.Out);
        Assert.Equal("oops", output.Error);
    }

    [Fact]
    public void Await_ResumesOnTheCellsThread_AndOutputFollows()
    {
        var output = new RecordingOutput();
        var result = _session.RunOk("var before = Environment.CurrentManagedThreadId; await Task.Delay(10); Console.Write(\"after\"); before == Environment.CurrentManagedThreadId", output);
        Assert.Equal(true, result.Value);
        Assert.Equal("after", output.Out);
    }

    [Fact]
    public async Task Evaluate_DoesNotBecomePartOfTheSession()
    {
        _session.RunOk("var n = 3;");
        Assert.Equal(9, (await _session.EvaluateAsync("n * n")).Value);
        var after = _session.Run("var m = n * n; m");
        Assert.Equal(9, after.Value);
    }

    [Fact]
    public void Input_ReadsThroughTheHost_AndFailsClearlyWithoutOne()
    {
        var output = new RecordingOutput();
        output.Inputs.Enqueue("Ada");
        Assert.Equal("hi Ada", _session.RunOk("\"hi \" + Input(\"name: \")", output).Value);
        Assert.Contains(output.Events, e => e is ("input", "name: ", null));
        var refused = _session.Run("Console.ReadLine()", new RecordingOutput());
        Assert.Contains("offers no input", refused.Error!.Message);
    }

    [Fact]
    public void Variables_ListsScriptState()
    {
        _session.RunOk("var alpha = 1.5;");
        Assert.Contains(_session.Variables, v => v.Name == "alpha" && v.Type == typeof(double) && (double)v.Value! == 1.5);
    }
}
