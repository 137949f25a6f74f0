using System.Reflection;
using System.Text;

namespace SegGanLab.Scripting;

/// <summary>
/// What a script file is compiled against: the imports, the referenced assemblies and the globals
/// type. <see cref="Stamp"/> identifies them, so that a compiled script is reused only by a host
/// that would compile it the same way: another SegGanLab build (its assemblies' MVIDs, which a
/// deterministic build changes exactly when the code changes), another .NET runtime, other
/// imports or another globals type all give another stamp.
/// </summary>
internal sealed class ScriptBuildSettings
{
    // Bump when the cache layout or the way scripts are compiled changes.
    const string Format = "seggan-script/1";

    readonly Lazy<string> _stamp;

    public ScriptBuildSettings(IReadOnlyList<ScriptImport> imports, IEnumerable<Assembly> assemblies, Type globalsType)
    {
        (Imports, Assemblies, GlobalsType) = (imports, assemblies.Distinct().ToArray(), globalsType);
        _stamp = new Lazy<string>(ComputeStamp);
    }

    /// <summary>The imports of the submission.</summary>
    public IReadOnlyList<ScriptImport> Imports { get; }

    /// <summary>The assemblies the submission references beyond the framework.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; }

    /// <summary>The type whose members are the script's globals.</summary>
    public Type GlobalsType { get; }

    /// <summary>A hash of everything above, the runtime version and the compile settings.</summary>
    public string Stamp => _stamp.Value;

    string ComputeStamp()
    {
        var sb = new StringBuilder(Format).Append('\n').Append(Environment.Version).Append('\n');
        foreach (var import in Imports) sb.Append(import.IsStatic ? "static " : "").Append(import.Name).Append('\n');
        foreach (var assembly in Assemblies.OrderBy(a => a.FullName, StringComparer.Ordinal))
            sb.Append(assembly.FullName).Append(' ').Append(assembly.ManifestModule.ModuleVersionId).Append('\n');
        sb.Append(GlobalsType.AssemblyQualifiedName);
        return ScriptInput.Hash(Encoding.UTF8.GetBytes(sb.ToString()));
    }
}
