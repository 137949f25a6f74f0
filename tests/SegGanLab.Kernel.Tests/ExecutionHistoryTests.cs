using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class ExecutionHistoryTests
{
    static ExecutionHistory Sample()
    {
        var history = new ExecutionHistory();
        history.Add(1, "var a = 1;", null);
        history.Add(2, "6 * 7", "42");
        history.Add(3, "a + 1", "2");
        history.Add(4, "6 * 7", "42");
        return history;
    }

    static string[] Inputs(JsonArray entries) => entries.Select(e => e![2] is JsonArray pair ? pair[0]!.GetValue<string>() : e[2]!.GetValue<string>()).ToArray();

    [Fact]
    public void Tail_ReturnsTheLastEntries_WithOutputWhenAsked()
    {
        var tail = Sample().Tail(2, output: true);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[[1, 3, ["a + 1", "2"]], [1, 4, ["6 * 7", "42"]]]"""), tail), tail.ToJsonString());
    }

    [Fact]
    public void Range_IsStartInclusiveStopExclusive_InThisSession()
    {
        Assert.Equal(["6 * 7", "a + 1"], Inputs(Sample().Range(1, 2, 4, output: false)));
        Assert.Equal(4, Sample().Range(0, 1, null, output: false).Count);
        Assert.Empty(Sample().Range(7, 1, null, output: false));
    }

    [Theory]
    [InlineData("6 * 7", false, null, new[] { "6 * 7", "6 * 7" })]
    [InlineData("6 * 7", true, null, new[] { "6 * 7" })]
    [InlineData("*", false, 2, new[] { "a + 1", "6 * 7" })]
    [InlineData("a ? 1", false, null, new[] { "a + 1" })]
    [InlineData("[av]*", false, null, new[] { "var a = 1;", "a + 1" })]
    [InlineData("[^6]*", false, null, new[] { "var a = 1;", "a + 1" })]
    [InlineData("a", false, null, new string[0])]
    public void Search_MatchesGlobsAgainstTheWholeInput(string pattern, bool unique, int? n, string[] expected)
    {
        Assert.Equal(expected, Inputs(Sample().Search(pattern, n, unique, output: false)));
    }
}
