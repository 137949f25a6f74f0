using System.Collections;
using System.Globalization;
using System.Text;

namespace SegGanLab.Scripting;

/// <summary>
/// The <c>text/plain</c> of a value no formatter claimed: strings as they are, numbers in the
/// invariant culture, <c>true</c>/<c>false</c>, collections as <c>[a, b, ...]</c> (the first 20
/// items), dictionaries as <c>{ key: value }</c>, anything else through <c>ToString()</c>.
/// </summary>
public static class PlainText
{
    const int MaxItems = 20;
    const int MaxDepth = 3;

    /// <summary>The plain-text form of <paramref name="value"/>.</summary>
    public static string Of(object? value) => Append(new StringBuilder(), value, 0).ToString();

    static StringBuilder Append(StringBuilder sb, object? value, int depth)
    {
        switch (value)
        {
            case null: return sb.Append("null");
            case string s: return sb.Append(s);
            case bool b: return sb.Append(b ? "true" : "false");
            case char c: return sb.Append(c);
            case IFormattable f when value.GetType().IsPrimitive || value is decimal: return sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
            case IDictionary d when depth < MaxDepth: return AppendItems(sb, Entries(d), d.Count, depth, "{ ", " }");
            case IEnumerable e when depth < MaxDepth: return AppendItems(sb, e.Cast<object?>(), (e as ICollection)?.Count, depth, "[", "]");
            default: return sb.Append(value.ToString() ?? value.GetType().Name);
        }
    }

    static IEnumerable<object?> Entries(IDictionary d)
    {
        foreach (DictionaryEntry entry in d) yield return entry;
    }

    static StringBuilder AppendItems(StringBuilder sb, IEnumerable<object?> items, int? count, int depth, string open, string close)
    {
        sb.Append(open);
        var n = 0;
        foreach (var item in items)
        {
            if (n == MaxItems)
            {
                sb.Append(", ...");
                if (count is { } total) sb.Append(" (").Append(total.ToString(CultureInfo.InvariantCulture)).Append(" items)");
                break;
            }
            if (n++ > 0) sb.Append(", ");
            if (item is DictionaryEntry entry)
            {
                Append(sb, entry.Key, depth + 1).Append(": ");
                Append(sb, entry.Value, depth + 1);
            }
            else Append(sb, item, depth + 1);
        }
        return sb.Append(close);
    }
}
