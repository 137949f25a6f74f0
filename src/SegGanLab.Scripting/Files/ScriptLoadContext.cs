using System.Reflection;
using System.Runtime.Loader;

namespace SegGanLab.Scripting;

/// <summary>
/// The load context of one compiled script file: the script's assembly, loaded from memory with
/// its PDB (so the cache file can be replaced while it runs), and the assemblies its <c>#r</c>
/// directives name, with their neighbours as dependencies. The host's own assemblies (SegGanLab,
/// the framework: everything on the trusted platform list) always come from the default context,
/// so the script shares the host's types even when it <c>#r</c>s a copy of one of them.
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    static readonly Lazy<HashSet<string>> HostAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    readonly string[] _folders;

    public ScriptLoadContext(string scriptName, IReadOnlyList<ScriptInput> references) : base($"seggan script {scriptName}")
    {
        foreach (var reference in references)
            if (AssemblyName.GetAssemblyName(reference.Path).Name is { } name) _byName.TryAdd(name, reference.Path);
        _folders = references.Select(r => System.IO.Path.GetDirectoryName(r.Path)!).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Loads the script's assembly from memory, with its symbols for line numbers.</summary>
    public Assembly LoadScript(byte[] assembly, byte[] symbols)
    {
        using var pe = new MemoryStream(assembly, writable: false);
        using var pdb = new MemoryStream(symbols, writable: false);
        return LoadFromStream(pe, pdb);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || HostAssemblies.Value.Contains(name)) return null;
        if (_byName.TryGetValue(name, out var path)) return LoadFromAssemblyPath(path);
        foreach (var folder in _folders)
        {
            var candidate = System.IO.Path.Combine(folder, name + ".dll");
            if (File.Exists(candidate)) return LoadFromAssemblyPath(candidate);
        }
        return null;
    }
}
