using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SegGanLab.Kernel;

/// <summary>
/// The inputs (and text outputs) of this kernel's cells, for history_request: <c>tail</c>,
/// <c>range</c> and <c>search</c> with glob patterns (<c>*</c>, <c>?</c>, <c>[...]</c>, matched
/// against the whole input as IPython's sqlite GLOB does) and <c>unique</c>. Entries are
/// <c>[session, line, input]</c>, or <c>[session, line, [input, output]]</c> with output.
/// History lives as long as the kernel process; this kernel's session number is 1.
/// </summary>
internal sealed class ExecutionHistory
{
    public const int Session = 1;

    readonly List<(int Line, string Input, string? Output)> _entries = [];
    readonly Lock _gate = new();

    public void Add(int line, string input, string? output)
    {
        lock (_gate) _entries.Add((line, input, output));
    }

    /// <summary>The last <paramref name="n"/> entries.</summary>
    public JsonArray Tail(int n, bool output)
    {
        lock (_gate) return Json(_entries.Skip(Math.Max(0, _entries.Count - Math.Max(0, n))), output);
    }

    /// <summary>Lines <paramref name="start"/> (inclusive) to <paramref name="stop"/> (exclusive; null: to the end) of <paramref name="session"/> (0 or 1: this one).</summary>
    public JsonArray Range(int session, int start, int? stop, bool output)
    {
        if (session is not (0 or Session)) return [];
        lock (_gate) return Json(_entries.Where(e => e.Line >= start && (stop is null || e.Line < stop)), output);
    }

    /// <summary>Entries whose input matches the glob <paramref name="pattern"/>: the last <paramref name="n"/> (null: all), each input once when <paramref name="unique"/>.</summary>
    public JsonArray Search(string pattern, int? n, bool unique, bool output)
    {
        var regex = Glob(pattern);
        lock (_gate)
        {
            var matches = _entries.Where(e => regex.IsMatch(e.Input)).ToList();
            if (unique)
            {
                var last = matches.Select((e, i) => (e.Input, i)).GroupBy(p => p.Input).Select(g => g.Max(p => p.i)).ToHashSet();
                matches = matches.Where((_, i) => last.Contains(i)).ToList();
            }
            if (n is { } count) matches = matches.Skip(Math.Max(0, matches.Count - count)).ToList();
            return Json(matches, output);
        }
    }

    static JsonArray Json(IEnumerable<(int Line, string Input, string? Output)> entries, bool output) =>
        new(entries.Select(e => (JsonNode)new JsonArray(Session, e.Line, output ? new JsonArray(e.Input, e.Output) : JsonValue.Create(e.Input))).ToArray());

    static Regex Glob(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var close = c == '[' ? pattern.IndexOf(']', i + 2) : -1;
            if (c == '*') sb.Append(".*");
            else if (c == '?') sb.Append('.');
            else if (close > 0)
            {
                var set = pattern[(i + 1)..close];
                // sqlite's GLOB negates a class with '^'.
                sb.Append('[').Append(set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
