using System.Globalization;

namespace SegGanLab.Bench;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing for the bench programs.</summary>
internal sealed class Arguments(string[] args)
{
    string? Value(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public double Double(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
    public string String(string name, string fallback) => Value(name) ?? fallback;
    public bool Flag(string name) => args.Contains("--" + name);
}
