using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SegGanLab.Scripting;

/// <summary>
/// Renders an XML documentation comment as plain text for inspect: the summary, and with
/// details the parameters, return value, exceptions and remarks. Cross references show the
/// short name (<c>&lt;see cref="T:SegGanLab.Torch.Tensor"/&gt;</c> reads "Tensor").
/// </summary>
internal static partial class DocComment
{
    /// <summary>The text of <paramref name="xml"/> (a member's doc comment), or empty when it has none.</summary>
    public static string ToText(string? xml, bool details)
    {
        if (string.IsNullOrWhiteSpace(xml)) return "";
        XElement root;
        try { root = XElement.Parse("<doc>" + xml + "</doc>", LoadOptions.PreserveWhitespace); }
        catch (XmlException) { return ""; }
        var sb = new StringBuilder();
        Section(sb, root, "summary", null);
        if (details)
        {
            foreach (var p in root.Descendants("param")) Section(sb, p, null, $"{p.Attribute("name")?.Value}: ", "Parameters:");
            Section(sb, root, "returns", "Returns: ");
            foreach (var e in root.Descendants("exception")) Section(sb, e, null, $"{ShortName(e.Attribute("cref")?.Value)}: ", "Exceptions:");
            Section(sb, root, "remarks", null);
        }
        return sb.ToString().Trim();
    }

    static void Section(StringBuilder sb, XElement scope, string? element, string? lead, string? heading = null)
    {
        var node = element is null ? scope : scope.Descendants(element).FirstOrDefault();
        if (node is null) return;
        var text = Inline(node).Trim();
        if (text.Length == 0) return;
        if (heading is not null && !sb.ToString().Contains(heading, StringComparison.Ordinal)) sb.Append("\n\n").Append(heading);
        sb.Append(heading is null ? "\n\n" : "\n  ").Append(lead).Append(text);
    }

    static string Inline(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t: sb.Append(Spaces().Replace(t.Value, " ")); break;
                case XElement { Name.LocalName: "see" or "seealso" } e:
                    sb.Append(e.Attribute("langword")?.Value ?? (e.Value.Length > 0 ? e.Value : ShortName(e.Attribute("cref")?.Value ?? e.Attribute("href")?.Value)));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } e: sb.Append(e.Attribute("name")?.Value); break;
                case XElement { Name.LocalName: "para" } e: sb.Append("\n\n").Append(Inline(e).Trim()).Append("\n\n"); break;
                case XElement { Name.LocalName: "code" } e: sb.Append("\n\n").Append(e.Value.Trim('\n')).Append("\n\n"); break;
                case XElement { Name.LocalName: "item" } e: sb.Append("\n- ").Append(Inline(e).Trim()); break;
                case XElement e: sb.Append(Inline(e)); break;
            }
        }
        return sb.ToString();
    }

    // "M:SegGanLab.Torch.torch.zeros(System.Int64[])" -> "zeros"; "T:System.Collections.Generic.List`1" -> "List".
    static string ShortName(string? cref)
    {
        if (string.IsNullOrEmpty(cref)) return "";
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        name = name[(name.LastIndexOf('.') + 1)..];
        var tick = name.IndexOf('`');
        return tick >= 0 ? name[..tick] : name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
