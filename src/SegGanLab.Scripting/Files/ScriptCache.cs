using System.Text;
using System.Text.Json.Nodes;

namespace SegGanLab.Scripting;

/// <summary>
/// The compiled-script cache: one folder per script path under <see cref="DefaultDirectory"/>
/// holding the last build's assembly, PDB and a <c>manifest.json</c> that lists every input with
/// its SHA-256 (the script, its <c>#load</c>-ed files, its <c>#r</c> assemblies) and the host's
/// stamp (SegGanLab build, runtime, imports). A build is reused only when all of them still
/// match, so the cache is keyed by content; keeping one entry per path keeps it from growing with
/// every edit. Files are written to a temporary name and renamed, so a concurrent run sees either
/// the old build or the new one.
/// </summary>
public static class ScriptCache
{
    const string ManifestName = "manifest.json";

    /// <summary>
    /// <c>$SEGGAN_CACHE/scripts</c>, else <c>$XDG_CACHE_HOME/seggan/scripts</c>, else
    /// <c>~/.cache/seggan/scripts</c>.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SEGGAN_CACHE") is { Length: > 0 } seggan) return Path.Combine(Path.GetFullPath(seggan), "scripts");
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = xdg is { Length: > 0 } && Path.IsPathRooted(xdg) ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "seggan", "scripts");
        }
    }

    /// <summary>The folder that caches the script at <paramref name="path"/> (a full path).</summary>
    internal static string EntryFor(string directory, string path) =>
        Path.Combine(directory, ScriptInput.Hash(Encoding.UTF8.GetBytes(path))[..24]);

    /// <summary>The cached build of <paramref name="path"/> when it is still current, else null.</summary>
    internal static ScriptBinary? TryLoad(string entry, string path, string sourceHash, ScriptBuildSettings settings)
    {
        try
        {
            if (JsonNode.Parse(File.ReadAllText(Path.Combine(entry, ManifestName))) is not JsonObject manifest) return null;
            if (Text(manifest, "script") != path || Text(manifest, "stamp") != settings.Stamp) return null;
            if (Text(manifest, "key") is not { } key || Text(manifest, "entry_type") is not { } type || Text(manifest, "entry_method") is not { } method
                || manifest["has_value"] is not JsonValue hasValue) return null;
            var sources = Inputs(manifest["sources"]);
            var references = Inputs(manifest["references"]);
            if (sources is null || references is null || sources.Count == 0 || sources[0].Path != path || sources[0].Sha256 != sourceHash) return null;
            if (!sources.Skip(1).Concat(references).All(i => i.IsCurrent())) return null;
            var assembly = File.ReadAllBytes(Path.Combine(entry, key + ".dll"));
            var symbols = File.ReadAllBytes(Path.Combine(entry, key + ".pdb"));
            return new ScriptBinary(assembly, symbols, type, method, hasValue.GetValue<bool>(), sources, references, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            // A missing, partial or foreign entry is a miss: the script is compiled again and the entry rewritten.
            return null;
        }
    }

    /// <summary>Stores <paramref name="binary"/> as the entry of <paramref name="path"/>; returns a warning when the cache cannot be written.</summary>
    internal static string? Store(string entry, string path, ScriptBinary binary, ScriptBuildSettings settings)
    {
        var key = Key(binary, settings);
        try
        {
            Directory.CreateDirectory(entry);
            WriteAtomically(Path.Combine(entry, key + ".dll"), binary.Assembly);
            WriteAtomically(Path.Combine(entry, key + ".pdb"), binary.Symbols);
            var manifest = new JsonObject
            {
                ["script"] = path, ["key"] = key, ["stamp"] = settings.Stamp,
                ["entry_type"] = binary.EntryType, ["entry_method"] = binary.EntryMethod, ["has_value"] = binary.HasValue,
                ["sources"] = Json(binary.SourceFiles), ["references"] = Json(binary.References),
                ["written"] = DateTime.UtcNow.ToString("O"),
            };
            WriteAtomically(Path.Combine(entry, ManifestName), Encoding.UTF8.GetBytes(manifest.ToJsonString()));
            foreach (var old in Directory.EnumerateFiles(entry).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal)))
                if (Path.GetFileNameWithoutExtension(old) != key) File.Delete(old);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"warning: the compiled script could not be cached in {entry} ({e.Message}); it will be compiled again next time. Set SEGGAN_CACHE to a writable folder.";
        }
    }

    /// <summary>The content key of a build: the host's stamp and every input's path and hash.</summary>
    static string Key(ScriptBinary binary, ScriptBuildSettings settings)
    {
        var sb = new StringBuilder(settings.Stamp);
        foreach (var input in binary.SourceFiles.Concat(binary.References)) sb.Append('\n').Append(input.Path).Append(' ').Append(input.Sha256);
        return ScriptInput.Hash(Encoding.UTF8.GetBytes(sb.ToString()))[..32];
    }

    static string? Text(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The inputs listed in <paramref name="node"/>, or null when the list is malformed.</summary>
    static List<ScriptInput>? Inputs(JsonNode? node)
    {
        if (node is not JsonArray array) return null;
        var inputs = new List<ScriptInput>();
        foreach (var item in array)
        {
            if (item is not JsonObject o || Text(o, "path") is not { } p || Text(o, "sha256") is not { } h) return null;
            inputs.Add(new ScriptInput(p, h));
        }
        return inputs;
    }

    static JsonArray Json(IEnumerable<ScriptInput> inputs) =>
        new(inputs.Select(i => (JsonNode)new JsonObject { ["path"] = i.Path, ["sha256"] = i.Sha256 }).ToArray());

    static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
