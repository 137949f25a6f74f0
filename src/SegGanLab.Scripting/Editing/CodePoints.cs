namespace SegGanLab.Scripting;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 code units.
/// These convert between the two (a surrogate pair is one code point and two units).
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> in <paramref name="text"/>, clamped to its length.</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = 0;
        for (var cp = 0; cp < codePoint && index < text.Length; cp++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points in the first <paramref name="utf16Index"/> UTF-16 units of <paramref name="text"/>.</summary>
    public static int FromUtf16(string text, int utf16Index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = Math.Clamp(utf16Index, 0, text.Length);
        var count = 0;
        for (var i = 0; i < end; i++)
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) count++;
        return count;
    }
}
