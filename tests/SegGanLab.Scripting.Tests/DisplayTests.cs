using System.Text.Json.Nodes;
using SegGanLab.Scripting;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class DisplayTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    readonly ScriptSession _session = fixture.Session;

    class Animal { public override string ToString() => "an animal"; }
    sealed class Dog : Animal;
    interface INamed;
    sealed class NamedDog : Animal, INamed;

    [Fact]
    public void MostDerivedRegistration_Wins_AndTextPlainIsAlwaysThere()
    {
        using var a = Formatter.Register<Animal>(_ => new MimeBundle().Add("text/html", "<b>animal</b>"));
        using var d = Formatter.Register<Dog>(_ => new MimeBundle().Add("text/html", "<b>dog</b>"));
        using var n = Formatter.Register<INamed>(_ => MimeBundle.Text("named"));
        Assert.Equal("<b>dog</b>", Formatter.Format(new Dog()).Data["text/html"]);
        Assert.Equal("an animal", Formatter.Format(new Dog()).PlainText);
        // A class beats an interface the value also implements.
        Assert.Equal("<b>animal</b>", Formatter.Format(new NamedDog()).Data["text/html"]);
    }

    [Fact]
    public void DisposingARegistration_RemovesIt()
    {
        var registration = Formatter.Register<Dog>(_ => MimeBundle.Text("woof"));
        Assert.Equal("woof", Formatter.Format(new Dog()).PlainText);
        registration.Dispose();
        Assert.Equal("an animal", Formatter.Format(new Dog()).PlainText);
    }

    [Fact]
    public void PlainText_OfValuesAndCollections()
    {
        Assert.Equal("null", Formatter.Format(null).PlainText);
        Assert.Equal("true", Formatter.Format(true).PlainText);
        Assert.Equal("1.5", Formatter.Format(1.5).PlainText);
        Assert.Equal("[1, 2, 3]", Formatter.Format(new[] { 1, 2, 3 }).PlainText);
        Assert.Equal("{ a: 1 }", Formatter.Format(new Dictionary<string, int> { ["a"] = 1 }).PlainText);
        Assert.EndsWith(", ... (100 items)]", Formatter.Format(Enumerable.Range(0, 100).ToList()).PlainText);
    }

    [Fact]
    public void MimeBundle_RejectsMalformedTypes_AndSerialisesJson()
    {
        var e = Assert.Throws<ArgumentException>(() => new MimeBundle().Add("html", "x"));
        Assert.Contains("'html' is not a MIME type", e.Message);
        var bundle = new MimeBundle().Add("application/json", new JsonObject { ["k"] = 1 }).Add("text/plain", "k=1");
        Assert.Equal("{\"application/json\":{\"k\":1},\"text/plain\":\"k=1\"}", bundle.ToJson().ToJsonString());
    }

    [Fact]
    public void Display_ThenUpdate_UseOneId_AndClearOutputAndPageReachTheHost()
    {
        var output = new RecordingOutput();
        _session.RunOk("var h = Display(1); h.Update(2); ClearOutput(wait: true); Page(\"help text\");", output);
        Assert.Equal(4, output.Events.Count);
        var (kind, text, id) = output.Events[0];
        Assert.Equal(("display", "1"), (kind, text));
        Assert.Equal(("update", "2", id), output.Events[1]);
        Assert.Equal(("clear", "wait", null), output.Events[2]);
        Assert.Equal(("page", "help text", null), output.Events[3]);
    }

    [Fact]
    public void HandleFromAnEarlierCell_UpdatesThroughTheCurrentCell()
    {
        var first = new RecordingOutput();
        var second = new RecordingOutput();
        _session.RunOk("var handle = Display(\"start\");", first);
        _session.RunOk("handle.Update(\"done\");", second);
        Assert.Equal(("update", "done", first.Events[0].Id), second.Events.Single());
    }

    [Fact]
    public void BuiltInFormatters_ForModulesAndExceptions()
    {
        var module = _session.RunOk("nn.Linear(4, 2)").Formatted!.PlainText;
        Assert.Contains("Linear(", module);
        Assert.Contains("10 parameters (10 trainable)", module);
        var exception = _session.RunOk("new InvalidOperationException(\"bad\")").Formatted!.PlainText;
        Assert.Equal("System.InvalidOperationException: bad", exception);
    }

    [Fact]
    public void ConsoleHost_PrintsTextPlain()
    {
        var text = new StringWriter();
        var output = new ConsoleScriptOutput(text, text, new StringReader("typed\n"));
        _session.RunOk("Display(new[] { 1, 2 }); Console.WriteLine(Input(\"? \"));", output);
        Assert.Equal("[1, 2]\n? typed\n", text.ToString().ReplaceLineEndings("\n"));
    }
}
