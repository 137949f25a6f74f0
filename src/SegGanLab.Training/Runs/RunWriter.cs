using System.Globalization;
using System.Text;
using System.Text.Json;
using SegGanLab.Imaging;
using SegGanLab.Metrics;
using SegGanLab.Plots;

namespace SegGanLab.Training;

/// <summary>
/// Writes a run folder as docs/run-folder.md describes it: options, environment, classes and a
/// copy of the script at the start; one metrics.jsonl line per logged step and evaluation; the
/// confusion matrices, samples and checkpoints of each evaluation. The training engine is the only
/// writer; reports, comparisons and the notebook read the same files through
/// <see cref="RunFolder.Read"/>.
/// </summary>
public sealed class RunWriter
{
    RunWriter(string folder) => Folder = folder;

    /// <summary>The run folder (absolute).</summary>
    public string Folder { get; }

    /// <summary><c>checkpoints/last.safetensors</c>.</summary>
    public string LastCheckpoint => Path.Combine(Folder, "checkpoints", "last.safetensors");

    /// <summary><c>checkpoints/best.safetensors</c>.</summary>
    public string BestCheckpoint => Path.Combine(Folder, "checkpoints", "best.safetensors");

    string MetricsPath => Path.Combine(Folder, "metrics.jsonl");

    /// <summary>
    /// Creates <c>&lt;runsRoot&gt;/&lt;name&gt;-&lt;yyyyMMdd-HHmmss&gt;/</c> (with a numeric suffix when that
    /// folder exists already) with its <c>checkpoints/</c> folder.
    /// </summary>
    public static RunWriter Create(string runsRoot, string name, DateTime? now = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsRoot);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(' '))
            throw new ArgumentException($"The run name '{name}' must be a non-empty file name without spaces, e.g. 'camvid-unet'.", nameof(name));
        var stamp = (now ?? DateTime.Now).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(Path.Combine(runsRoot, $"{name}-{stamp}"));
        for (var k = 2; Directory.Exists(folder); k++) folder = Path.GetFullPath(Path.Combine(runsRoot, $"{name}-{stamp}-{k}"));
        Directory.CreateDirectory(Path.Combine(folder, "checkpoints"));
        return new RunWriter(folder);
    }

    /// <summary>Opens an existing run folder to continue it (resume).</summary>
    /// <exception cref="RunFolderException">The folder or its metrics.jsonl does not exist.</exception>
    public static RunWriter Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(full, "options.json")))
            throw new RunFolderException($"{folder} is not a run folder (it has no options.json); pass a folder under runs/ that a SegGanLab run wrote.");
        Directory.CreateDirectory(Path.Combine(full, "checkpoints"));
        return new RunWriter(full);
    }

    /// <summary>Writes options.json: every option with its value and default.</summary>
    public void WriteOptions(string recipe, string name, long seed, IEnumerable<OptionValue> options) =>
        WriteJson("options.json", w =>
        {
            w.WriteString("recipe", recipe);
            w.WriteString("name", name);
            w.WriteNumber("seed", seed);
            w.WriteStartObject("options");
            foreach (var o in options)
            {
                w.WriteStartObject(o.Name);
                w.WritePropertyName("value");
                JsonSerializer.Serialize(w, o.Value);
                w.WritePropertyName("default");
                JsonSerializer.Serialize(w, o.Default);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });

    /// <summary>Writes classes.json: names, palette, ignore index, binary flag.</summary>
    public void WriteClasses(IReadOnlyList<string> names, Palette? palette, long? ignoreIndex, bool binary) =>
        WriteJson("classes.json", w =>
        {
            w.WriteStartArray("names");
            foreach (var n in names) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteStartArray("palette");
            for (var k = 0; k < names.Count && palette is not null && k < palette.Count; k++)
            {
                var c = palette[k];
                w.WriteStartArray();
                w.WriteNumberValue(c.R);
                w.WriteNumberValue(c.G);
                w.WriteNumberValue(c.B);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            if (ignoreIndex is { } i) w.WriteNumber("ignore_index", i);
            else w.WriteNull("ignore_index");
            w.WriteBoolean("binary", binary);
        });

    /// <summary>Writes env.json.</summary>
    public void WriteEnvironment(IEnumerable<KeyValuePair<string, string>> entries) =>
        WriteJson("env.json", w =>
        {
            foreach (var (k, v) in entries) w.WriteString(k, v);
        });

    /// <summary>Copies the script that defined the experiment as <c>script.csx</c>.</summary>
    public void CopyScript(string scriptPath) => File.Copy(scriptPath, Path.Combine(Folder, "script.csx"), overwrite: true);

    /// <summary>Appends a train record to metrics.jsonl.</summary>
    public void Append(TrainRecord record) => AppendLine(w =>
    {
        w.WriteString("kind", "train");
        WriteHead(w, record.Step, record.Epoch, record.Time);
        WriteMap(w, "losses", record.Losses);
        WriteMap(w, "lr", record.LearningRates);
    });

    /// <summary>
    /// Writes an evaluation: its confusion matrix and samples (when it has them), then its
    /// metrics.jsonl line. Returns the record as readers will see it.
    /// </summary>
    public EvalRecord WriteEvaluation(long step, double epoch, double time, Evaluation evaluation)
    {
        string? confusion = null, samples = null;
        var tag = $"step-{step:D7}";
        if (evaluation.Confusion is { } counts && evaluation.Scores is { } scores)
        {
            confusion = $"confusion/{tag}.json";
            Directory.CreateDirectory(Path.Combine(Folder, "confusion"));
            WriteJson(confusion, w =>
            {
                w.WriteStartArray("names");
                foreach (var c in scores.PerClass) w.WriteStringValue(c.Name);
                w.WriteEndArray();
                w.WriteStartArray("matrix");
                for (var r = 0; r < counts.GetLength(0); r++)
                {
                    w.WriteStartArray();
                    for (var c = 0; c < counts.GetLength(1); c++) w.WriteNumberValue(counts[r, c]);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            });
        }
        if (evaluation.Samples.Count > 0)
        {
            samples = $"samples/{tag}";
            var dir = Path.Combine(Folder, "samples", tag);
            Directory.CreateDirectory(dir);
            for (var k = 0; k < evaluation.Samples.Count; k++)
                foreach (var (role, image) in evaluation.Samples[k].Images)
                    ImageFile.WritePng(Path.Combine(dir, $"{role}-{k}.png"), image);
        }
        AppendLine(w =>
        {
            w.WriteString("kind", "eval");
            WriteHead(w, step, epoch, time);
            w.WriteString("split", evaluation.Split);
            WriteMap(w, "metrics", evaluation.Metrics);
            if (evaluation.Scores is { } s)
            {
                w.WritePropertyName("per_class");
                JsonSerializer.Serialize(w, s.PerClass);
            }
            if (confusion is not null) w.WriteString("confusion", confusion);
            if (samples is not null) w.WriteString("samples", samples);
        });
        var perClass = evaluation.Scores?.PerClass.Select(c => new SegGanLab.Plots.ClassScores(c.Name, c.IoU, c.Accuracy, c.Dice, c.Precision, c.Recall)).ToArray()
                       ?? [];
        return new EvalRecord(step, epoch, time, evaluation.Split, evaluation.Metrics, perClass, confusion, samples);
    }

    /// <summary>
    /// Drops metrics.jsonl records after <paramref name="step"/> (a resumed run repeats them), and
    /// returns the train and eval records that remain.
    /// </summary>
    public RunRecords TruncateAfter(long step)
    {
        if (File.Exists(MetricsPath))
        {
            var kept = File.ReadAllLines(MetricsPath).Where(line => StepOf(line) is not { } s || s <= step);
            File.WriteAllLines(MetricsPath, kept);
        }
        return RunFolder.Read(Folder);
    }

    static long? StepOf(string line)
    {
        if (line.Trim().Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("step", out var s) && s.TryGetInt64(out var v) ? v : null;
        }
        catch (JsonException)
        {
            return long.MaxValue; // an unfinished line written when the run died: drop it
        }
    }

    static void WriteHead(Utf8JsonWriter w, long step, double epoch, double time)
    {
        w.WriteNumber("step", step);
        WriteNumber(w, "epoch", Math.Round(epoch, 4));
        WriteNumber(w, "time", Math.Round(time, 3));
    }

    static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, double> values)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in values) WriteNumber(w, k, v);
        w.WriteEndObject();
    }

    // docs/run-folder.md: a non-finite value is written as null.
    static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    void AppendLine(Action<Utf8JsonWriter> body)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        // One write per line, flushed: a reader (the live report, a notebook) never sees half a record.
        using var file = new FileStream(MetricsPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    void WriteJson(string relative, Action<Utf8JsonWriter> body)
    {
        var path = Path.Combine(Folder, relative);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>One option of an experiment: its value and the recipe's default (written to options.json).</summary>
/// <param name="Name">The option's name (<c>steps</c>, <c>lr</c>, <c>adv_weight</c>, ...).</param>
/// <param name="Value">The value used (a JSON-serialisable value).</param>
/// <param name="Default">The recipe's default.</param>
public sealed record OptionValue(string Name, object? Value, object? Default);
