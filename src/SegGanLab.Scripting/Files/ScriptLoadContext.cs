using System.Reflection;
using System.Runtime.Loader;

namespace SegGanLab.Scripting;

/// <summary>
/// The load context of compiled scripts: a script file's, or a whole session's chain of cells.
/// It holds the scripts' assemblies, loaded from memory with their PDBs (so a cache file can be
/// replaced while it runs, and a later cell finds the earlier cells it was compiled against), and
/// the assemblies <c>#r</c> directives name, with their neighbours as dependencies. The host's
/// own assemblies (SegGanLab, the framework: everything on the trusted platform list) always
/// come from the default context, so scripts share the host's types even when they <c>#r</c> a
/// copy of one of them.
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    readonly Lock _gate = new();
    readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, Assembly> _scripts = new(StringComparer.Ordinal);
    readonly List<string> _folders = [];

    public ScriptLoadContext(string name, IEnumerable<string> references) : base($"seggan script {name}")
    {
        AddReferences(references);
    }

    /// <summary>Makes the assemblies at <paramref name="paths"/> (named by <c>#r</c>), and their folders, available to the scripts.</summary>
    public void AddReferences(IEnumerable<string> paths)
    {
        lock (_gate)
        {
            foreach (var path in paths)
            {
                if (AssemblyName.GetAssemblyName(path).Name is { } name) _byName.TryAdd(name, path);
                var folder = System.IO.Path.GetDirectoryName(path)!;
                if (!_folders.Contains(folder)) _folders.Add(folder);
            }
        }
    }

    /// <summary>Loads a script's assembly from memory, with its symbols for line numbers.</summary>
    public Assembly LoadScript(byte[] assembly, byte[] symbols)
    {
        using var pe = new MemoryStream(assembly, writable: false);
        using var pdb = new MemoryStream(symbols, writable: false);
        var loaded = LoadFromStream(pe, pdb);
        // A later cell compiled against this one names it; Load below hands it out.
        lock (_gate) _scripts[loaded.GetName().Name!] = loaded;
        return loaded;
    }

    /// <summary>
    /// The submission factory <paramref name="typeName"/>.<paramref name="methodName"/> of a loaded
    /// script: it takes the submission array (the globals first) and runs the script. Null when the
    /// type has no such method.
    /// </summary>
    public static Func<object?[], Task<object?>>? Factory(Assembly script, string typeName, string methodName) =>
        script.GetType(typeName, throwOnError: true)!
            .GetMethod(methodName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?.CreateDelegate<Func<object?[], Task<object?>>>();

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || ScriptReferences.Trusted.Value.ContainsKey(name)) return null;
        string? path;
        string[] folders;
        lock (_gate)
        {
            if (_scripts.TryGetValue(name, out var script)) return script;
            _byName.TryGetValue(name, out path);
            folders = [.. _folders];
        }
        if (path is not null) return LoadFromAssemblyPath(path);
        foreach (var folder in folders)
        {
            var candidate = System.IO.Path.Combine(folder, name + ".dll");
            if (File.Exists(candidate)) return LoadFromAssemblyPath(candidate);
        }
        return null;
    }
}
