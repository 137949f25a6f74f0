using System.Reflection;

namespace SegGanLab.Scripting;

/// <summary>
/// One import every script gets: a namespace (<c>using X;</c>) or a static class
/// (<c>using static X;</c>), with the assembly the script must reference for it.
/// </summary>
/// <param name="Name">The namespace or the full name of the static class.</param>
/// <param name="Assembly">The assembly that defines it.</param>
/// <param name="IsStatic">True for <c>using static</c>.</param>
public sealed record ScriptImport(string Name, Assembly Assembly, bool IsStatic)
{
    /// <summary><c>using</c> the namespace of <paramref name="anyTypeInIt"/>.</summary>
    public static ScriptImport Namespace(Type anyTypeInIt)
    {
        ArgumentNullException.ThrowIfNull(anyTypeInIt);
        if (anyTypeInIt.Namespace is null) throw new ArgumentException($"{anyTypeInIt} is in the global namespace; import a type that has one.", nameof(anyTypeInIt));
        return new(anyTypeInIt.Namespace, anyTypeInIt.Assembly, false);
    }

    /// <summary><c>using static</c> <paramref name="type"/>: its static members and nested types become bare names.</summary>
    public static ScriptImport Static(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.FullName ?? throw new ArgumentException($"{type} has no full name (a generic parameter?); import a concrete type.", nameof(type));
        // Roslyn's compilation-level usings read nested types with '.' rather than reflection's '+'.
        return new(name.Replace('+', '.'), type.Assembly, true);
    }
}
