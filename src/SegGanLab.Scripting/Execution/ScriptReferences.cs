using System.Globalization;
using System.Reflection;
using System.Xml;
using Microsoft.CodeAnalysis;

namespace SegGanLab.Scripting;

/// <summary>
/// Metadata references for scripts, each with the XML documentation that ships beside the
/// assembly (ours are built with <c>GenerateDocumentationFile</c>), or, for the .NET runtime's
/// own assemblies, the reference pack's XML when the SDK is installed. Inspect reads summaries
/// from them.
/// </summary>
internal static class ScriptReferences
{
    // The runtime's implementation assemblies carry no XML; System.Private.CoreLib's public types
    // are documented across these reference-assembly files.
    static readonly string[] CoreLibDocs = ["System.Runtime", "System.Collections", "System.Threading", "System.Runtime.InteropServices", "System.Memory"];

    static readonly Lazy<string?> RefPack = new(FindRefPack);

    // Roslyn's default script references are assembly names that every submission would resolve
    // again, reading the files anew: about 4 MB of native memory per cell (roslyn#41722). Resolved
    // once here against the runtime's own assemblies, a cell costs a fraction of a megabyte.
    static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(ResolveFramework);
    static readonly Dictionary<string, MetadataReference> ByPath = new(StringComparer.Ordinal);

    /// <summary>
    /// The runtime's default script references, <paramref name="assemblies"/>, the SegGanLab
    /// libraries they reach and what those libraries reference (System.Text.Json,
    /// System.Collections.Immutable, ...: the types of their public API, which scripts can name).
    /// Each is resolved to a file once per process (shared by every session) and documented where
    /// docs exist. SegGanLab.Scripting's own dependencies, the compiler's, are left out (see
    /// <see cref="CachingMetadataResolver"/>).
    /// </summary>
    public static IReadOnlyList<MetadataReference> For(IEnumerable<Assembly> assemblies)
    {
        var references = new List<MetadataReference>(Framework.Value);
        var files = assemblies.Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location)).Select(a => a.Location);
        references.AddRange(WithLibraryDependencies(files).Select(ForFile));
        return references.Distinct().ToList();
    }

    /// <summary><paramref name="files"/>, every SegGanLab library they reference (transitively), and those libraries' direct references.</summary>
    static IEnumerable<string> WithLibraryDependencies(IEnumerable<string> files)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(files);
        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file)) continue;
            result.Add(file);
            var name = Path.GetFileNameWithoutExtension(file);
            if (!name.StartsWith("SegGanLab.", StringComparison.Ordinal) || name == typeof(ScriptReferences).Assembly.GetName().Name) continue;
            foreach (var dependency in ReferencedNames(file))
            {
                if (dependency.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)) continue;
                var beside = Path.Combine(Path.GetDirectoryName(file)!, dependency + ".dll");
                if (File.Exists(beside)) pending.Enqueue(beside);
                else if (Trusted.Value.TryGetValue(dependency, out var framework)) pending.Enqueue(framework);
            }
        }
        return result;
    }

    static IEnumerable<string> ReferencedNames(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    static MetadataReference ForFile(string path)
    {
        lock (ByPath)
        {
            if (!ByPath.TryGetValue(path, out var reference))
                ByPath[path] = reference = MetadataReference.CreateFromFile(path, documentation: DocsFor(path));
            return reference;
        }
    }

    /// <summary>The runtime's and the host's own assemblies (the trusted platform list): file paths by assembly name.</summary>
    internal static readonly Lazy<Dictionary<string, string>> Trusted = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    static IReadOnlyList<MetadataReference> ResolveFramework()
    {
        var trusted = Trusted.Value;
        var names = Microsoft.CodeAnalysis.Scripting.ScriptOptions.Default.MetadataReferences.OfType<UnresolvedMetadataReference>().Select(r => r.Reference)
            .Prepend("System.Private.CoreLib").Append("System.Linq").Append("System.Collections").Append("System.Runtime");
        return names.Distinct().Where(trusted.ContainsKey).Select(n => ForFile(trusted[n])).ToList();
    }

    static DocumentationProvider? DocsFor(string path)
    {
        var beside = Path.ChangeExtension(path, ".xml");
        if (File.Exists(beside)) return new XmlDocs([beside]);
        if (RefPack.Value is not { } pack) return null;
        var name = Path.GetFileNameWithoutExtension(path);
        var files = (name == "System.Private.CoreLib" ? CoreLibDocs : [name])
            .Select(n => Path.Combine(pack, n + ".xml")).Where(File.Exists).ToArray();
        return files.Length == 0 ? null : new XmlDocs(files);
    }

    // <dotnet>/shared/Microsoft.NETCore.App/<v>/ -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<newest v with the same major>/ref/net<major>.0
    static string? FindRefPack()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDir is null) return null;
        var root = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var major = Environment.Version.Major;
        var tfm = $"net{major}.0";
        return Directory.GetDirectories(packs)
            .Select(d => (dir: d, version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(p => p.version?.Major == major)
            .OrderByDescending(p => p.version)
            .Select(p => Path.Combine(p.dir, "ref", tfm))
            .FirstOrDefault(Directory.Exists);
    }

    /// <summary>Member docs from one or more XML doc files, read on the first request.</summary>
    sealed class XmlDocs(string[] files) : DocumentationProvider
    {
        readonly string[] _files = files;
        readonly Lazy<Dictionary<string, string>> _members = new(() => Load(files));

        protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
            _members.Value.GetValueOrDefault(documentationMemberID);

        static Dictionary<string, string> Load(string[] files)
        {
            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
                while (!reader.EOF)
                {
                    // ReadInnerXml already moves past the element, so only other nodes need Read().
                    if (reader is { NodeType: XmlNodeType.Element, Name: "member" } && reader.GetAttribute("name") is { } name) members.TryAdd(name, reader.ReadInnerXml());
                    else reader.Read();
                }
            }
            return members;
        }

        public override bool Equals(object? obj) => obj is XmlDocs other && _files.SequenceEqual(other._files);

        public override int GetHashCode() => _files[0].GetHashCode(StringComparison.Ordinal);
    }
}
