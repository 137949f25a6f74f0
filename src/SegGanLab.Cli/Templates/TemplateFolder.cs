using System.Text.RegularExpressions;

namespace SegGanLab.Cli;

/// <summary>
/// The experiment templates (<c>templates/&lt;name&gt;.csx</c>, optionally with a matching
/// <c>.ipynb</c>) and their instantiation. A template is a runnable script; its own name, written
/// as a string literal (<c>.Name("supervised-unet")</c>), is replaced by the new experiment's name,
/// so the run folders of the copy carry the copy's name (<c>dotnet new</c>'s sourceName habit).
/// </summary>
internal sealed partial class TemplateFolder(string directory)
{
    /// <summary>The folder holding the templates.</summary>
    public string Directory { get; } = directory;

    /// <summary>
    /// The templates folder: <paramref name="explicitFolder"/>, else <c>$SEGGAN_TEMPLATES</c>, else the
    /// nearest <c>templates/</c> from the working folder up, else the one of the SegGanLab checkout
    /// this CLI was built in.
    /// </summary>
    public static TemplateFolder Find(string? explicitFolder)
    {
        var chosen = explicitFolder ?? Environment.GetEnvironmentVariable("SEGGAN_TEMPLATES");
        if (chosen is { Length: > 0 })
        {
            if (!System.IO.Directory.Exists(chosen)) throw new UsageException($"The templates folder '{chosen}' does not exist; pass --templates with a folder holding <template>.csx files.");
            return new TemplateFolder(Path.GetFullPath(chosen));
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (System.IO.Directory.Exists(Path.Combine(dir.FullName, "templates"))) return new TemplateFolder(Path.Combine(dir.FullName, "templates"));
        throw new UsageException("No templates/ folder found in this folder, its parents or the SegGanLab installation; pass --templates DIR.");
    }

    /// <summary>The template names (the <c>.csx</c> files' names), sorted.</summary>
    public IReadOnlyList<string> Names =>
        System.IO.Directory.EnumerateFiles(Directory, "*.csx").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The first comment line of a template (its one-line description), or empty.</summary>
    public string Description(string template) =>
        File.ReadLines(Path.Combine(Directory, template + ".csx")).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("//", StringComparison.Ordinal))?.TrimStart('/').Trim() ?? "";

    /// <summary>
    /// Writes <c>&lt;outDir&gt;/&lt;name&gt;.csx</c> (and <c>.ipynb</c> with <paramref name="notebook"/>) from
    /// <paramref name="template"/>; returns the files written. Nothing is written when any target exists (unless <paramref name="force"/>).
    /// </summary>
    public IReadOnlyList<string> Instantiate(string template, string name, string outDir, bool notebook, bool force)
    {
        if (!ValidName().IsMatch(name))
            throw new UsageException($"'{name}' cannot name an experiment: use letters, digits, '-', '_' and '.', starting with a letter or digit (e.g. camvid-unet).");
        var script = Path.Combine(Directory, template + ".csx");
        if (!File.Exists(script))
        {
            var names = Names;
            throw new UsageException($"There is no template '{template}' in {Directory}; " +
                                     (names.Count == 0 ? "the folder holds no .csx templates." : $"the templates are: {string.Join(", ", names)}."));
        }
        var sources = new List<(string From, string To)> { (script, Path.Combine(outDir, name + ".csx")) };
        if (notebook)
        {
            var ipynb = Path.ChangeExtension(script, ".ipynb");
            if (!File.Exists(ipynb)) throw new UsageException($"The template '{template}' has no notebook ({ipynb} does not exist); leave out --notebook to get the script.");
            sources.Add((ipynb, Path.Combine(outDir, name + ".ipynb")));
        }
        if (!force && sources.FirstOrDefault(s => File.Exists(s.To)) is { To: { } existing })
            throw new UsageException($"{existing} already exists; choose another name, delete it, or pass --force to overwrite it.");
        System.IO.Directory.CreateDirectory(outDir);
        foreach (var (from, to) in sources) File.WriteAllText(to, Rename(File.ReadAllText(from), template, name));
        return sources.Select(s => s.To).ToList();
    }

    /// <summary>The template's name as a string literal, in C# (<c>"t"</c>) and inside a notebook's JSON strings (<c>\"t\"</c>), becomes <paramref name="name"/>.</summary>
    static string Rename(string text, string template, string name) => text
        .Replace($"\"{template}\"", $"\"{name}\"", StringComparison.Ordinal)
        .Replace($"\\\"{template}\\\"", $"\\\"{name}\\\"", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ValidName();
}
