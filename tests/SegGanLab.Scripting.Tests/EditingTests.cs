using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class EditingTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    readonly ScriptSession _session = fixture.Session;

    static string[] Texts(CompletionResult r) => r.Items.Select(i => i.Text).ToArray();

    [Fact]
    public void MembersAfterDot_OfAStaticType()
    {
        var code = "Math.Ab";
        var result = _session.Complete(code, code.Length);
        Assert.Equal(["Abs"], Texts(result));
        Assert.Equal((5, 7), (result.CursorStart, result.CursorEnd));
    }

    [Fact]
    public void MembersAfterDot_OfAScriptVariable_IncludeExtensionMethods()
    {
        _session.RunOk("var numbers = new List<int> { 1 }; var t = zeros(2);");
        var list = Texts(_session.Complete("numbers.", 8));
        Assert.Contains("Add", list);
        Assert.Contains("Count", list);
        Assert.Contains("Select", list);
        var tensor = Texts(_session.Complete("t.sh", 4));
        Assert.Contains("shape", tensor);
    }

    [Fact]
    public void BareNames_IncludeVariablesTorchAndKeywords()
    {
        _session.RunOk("var learningRate = 0.1;");
        Assert.Contains("learningRate", Texts(_session.Complete("learn", 5)));
        Assert.Contains("randn", Texts(_session.Complete("x = rand", 8)));
        Assert.Contains("foreach", Texts(_session.Complete("forea", 5)));
        Assert.Contains("Display", Texts(_session.Complete("Disp", 4)));
    }

    [Fact]
    public void CursorPositions_AreInCodePoints()
    {
        // The emoji is two UTF-16 units but one code point.
        var code = "var s = \"😀\"; Math.Ab";
        var cursor = code.Length - 1;
        var result = _session.Complete(code, cursor);
        Assert.Equal(["Abs"], Texts(result));
        Assert.Equal(cursor - 2, result.CursorStart);
        Assert.Equal(cursor, result.CursorEnd);
    }

    [Fact]
    public void Inspect_ShowsSignatureAndOurXmlDocSummary()
    {
        var text = _session.Inspect("torch.zeros", 9)!.PlainText;
        Assert.Contains("Tensor torch.zeros(", text);
        var summary = _session.Inspect("DisposeScope", 3)!.PlainText;
        Assert.Contains("A thread-local region that owns every tensor", summary);
    }

    [Fact]
    public void Inspect_InsideArguments_ShowsTheCallee_AndVariablesShowTheirValue()
    {
        Assert.Contains("Math.Max(", _session.Inspect("Math.Max(1, ", 12)!.PlainText);
        _session.RunOk("var answer = 42;");
        Assert.Contains("value: 42", _session.Inspect("answer", 6)!.PlainText);
        Assert.Null(_session.Inspect("   ", 1));
    }

    [Theory]
    [InlineData("1 + 1", CompletenessStatus.Complete, "")]
    [InlineData("var x = 1;", CompletenessStatus.Complete, "")]
    [InlineData("for (var i = 0; i < 3; i++) {", CompletenessStatus.Incomplete, "    ")]
    [InlineData("var s = \"open", CompletenessStatus.Incomplete, "")]
    [InlineData("var x = );", CompletenessStatus.Invalid, "")]
    [InlineData("int 5x = 1;", CompletenessStatus.Invalid, "")]
    [InlineData("", CompletenessStatus.Complete, "")]
    public void IsComplete_ClassifiesScriptCode(string code, CompletenessStatus status, string indent)
    {
        Assert.Equal(new Completeness(status, indent), ScriptSession.IsComplete(code));
    }

    [Fact]
    public void CodePoints_RoundTrip()
    {
        var text = "a😀b";
        Assert.Equal(3, CodePoints.ToUtf16(text, 2));
        Assert.Equal(2, CodePoints.FromUtf16(text, 3));
        Assert.Equal(text.Length, CodePoints.ToUtf16(text, 99));
    }
}
