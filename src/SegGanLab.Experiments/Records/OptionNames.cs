using System.Text;

namespace SegGanLab.Experiments;

/// <summary>Option names as options.json spells them: snake_case, dotted under their part (<c>segmenter.base_width</c>).</summary>
internal static class OptionNames
{
    /// <summary><c>BaseWidth</c> -> <c>base_width</c>.</summary>
    public static string Snake(string pascal)
    {
        var s = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) s.Append('_');
            s.Append(char.ToLowerInvariant(c));
        }
        return s.ToString();
    }

    /// <summary>A value as options.json holds it: enums by name, everything else as it is.</summary>
    public static object? Json(object? value) => value is Enum e ? e.ToString() : value;
}
