using System.Globalization;
using SegGanLab.Torch;
using SegGanLab.Torch.Serialization;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Training;

/// <summary>
/// One safetensors file with the whole <see cref="TrainingState"/>, written atomically (temp file
/// + rename), so a crash mid-save leaves the previous checkpoint intact. Layout, so that Python can
/// read the weights with json + numpy:
/// <list type="bullet">
/// <item>tensors <c>model/&lt;role&gt;/&lt;parameter&gt;</c>: each model's state dict (torchvision-style names after the prefix);</item>
/// <item>tensors and metadata <c>optim/&lt;role&gt;/...</c>: optimizer state (<see cref="OptimizerStateDict.ToFlat"/>);</item>
/// <item>metadata <c>sched/&lt;role&gt;/...</c>: scheduler state;</item>
/// <item>tensors <c>rng/torch</c> (the global CPU generator) and <c>rng/&lt;name&gt;</c>;</item>
/// <item>tensors and metadata <c>extra/...</c>: <see cref="CheckpointExtras"/>;</item>
/// <item>metadata <c>info/...</c>: the trainer's own entries (elapsed time, best metric);</item>
/// <item>metadata <c>format</c> (= <see cref="Format"/>) and <c>step</c>.</item>
/// </list>
/// </summary>
public static class Checkpoint
{
    /// <summary>The value of the <c>format</c> metadata entry.</summary>
    public const string Format = "seggan-checkpoint/1";

    /// <summary>Writes <paramref name="state"/> at <paramref name="step"/> to <paramref name="path"/>, with <paramref name="info"/> as <c>info/</c> entries.</summary>
    public static void Save(string path, TrainingState state, long step, IReadOnlyDictionary<string, string>? info = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var tensors = new List<KeyValuePair<string, Tensor>>();
        var owned = new List<Tensor>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["format"] = Format,
            ["step"] = step.ToString(CultureInfo.InvariantCulture),
        };
        void Own(string key, Tensor t)
        {
            owned.Add(t);
            tensors.Add(new(key, t));
        }
        foreach (var (k, v) in info ?? new Dictionary<string, string>()) metadata[$"info/{k}"] = v;
        try
        {
            foreach (var (role, module) in state.Modules)
                foreach (var (name, t) in module.state_dict()) Own($"model/{role}/{name}", t);
            foreach (var (role, optimizer) in state.Optimizers)
            {
                using var sd = optimizer.state_dict();
                var (ts, scalars) = sd.ToFlat($"optim/{role}/");
                foreach (var (k, t) in ts) Own(k, t);
                foreach (var (k, v) in scalars) metadata[k] = v;
            }
            foreach (var (role, scheduler) in state.Schedulers)
                foreach (var (k, v) in scheduler.state_dict()) metadata[$"sched/{role}/{k}"] = v;
            Own("rng/torch", get_rng_state());
            foreach (var (name, g) in state.Generators) Own($"rng/{name}", g.get_state());
            if (state.SaveExtras?.Invoke() is { } extras)
            {
                foreach (var (k, v) in extras.Strings) metadata[$"extra/{k}"] = v;
                foreach (var (k, t) in extras.Tensors) tensors.Add(new($"extra/{k}", t));
            }
            SafeTensors.Save(tensors, path, metadata);
        }
        finally
        {
            foreach (var t in owned) t.Dispose();
        }
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="Save"/> into <paramref name="state"/> (the same
    /// roles and architectures) and returns its step. Everything is checked before anything changes:
    /// a file of another format, or a role that is missing, is a <see cref="CheckpointException"/>.
    /// </summary>
    public static long Load(string path, TrainingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!File.Exists(path)) throw new CheckpointException(path, "the file does not exist; checkpoints are written to <run folder>/checkpoints/ (last.safetensors, best.safetensors)");
        SafeTensorsFile file;
        try { file = SafeTensors.Load(path); }
        catch (SafeTensorsException e) { throw new CheckpointException(path, e.Message, e); }
        using (file)
        {
            var meta = file.Metadata;
            if (!meta.TryGetValue("format", out var format) || format != Format)
                throw new CheckpointException(path, $"it is not a SegGanLab training checkpoint (format '{format ?? "none"}', expected '{Format}'); model weights alone load with Module.load");
            if (!long.TryParse(meta.GetValueOrDefault("step"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var step))
                throw new CheckpointException(path, "its 'step' entry is missing or not a number");
            var tensors = file.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var metadata = meta.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

            var missing = state.Modules.Keys.Where(r => !tensors.Keys.Any(k => k.StartsWith($"model/{r}/", StringComparison.Ordinal)))
                .Concat(state.Optimizers.Keys.Where(r => !metadata.ContainsKey($"optim/{r}/optimizer")))
                .Concat(state.Schedulers.Keys.Where(r => !metadata.ContainsKey($"sched/{r}/scheduler")))
                .Concat(state.Generators.Keys.Where(n => !tensors.ContainsKey($"rng/{n}"))).ToList();
            if (missing.Count > 0)
                throw new CheckpointException(path, $"it has no state for {string.Join(", ", missing)}; it was written by a different experiment (recipe or models)");

            try
            {
                foreach (var (role, module) in state.Modules)
                    module.load_state_dict(Under(tensors, $"model/{role}/"));
            }
            catch (StateDictException e) { throw new CheckpointException(path, e.Message, e); }
            foreach (var (role, optimizer) in state.Optimizers)
            {
                using var sd = OptimizerStateDict.FromFlat(tensors, metadata, $"optim/{role}/");
                optimizer.load_state_dict(sd);
            }
            foreach (var (role, scheduler) in state.Schedulers)
                scheduler.load_state_dict(Under(metadata, $"sched/{role}/"));
            if (tensors.TryGetValue("rng/torch", out var rng)) set_rng_state(rng);
            foreach (var (name, g) in state.Generators) g.set_state(tensors[$"rng/{name}"]);
            if (state.LoadExtras is { } load)
            {
                var extras = new CheckpointExtras();
                foreach (var (k, v) in Under(metadata, "extra/")) extras.Strings[k] = v;
                // The file's tensors die with the file: the callback gets its own handles.
                foreach (var (k, t) in Under(tensors, "extra/")) extras.Tensors[k] = t.alias().DetachFromDisposeScope();
                try { load(extras); }
                catch (InvalidDataException e) { throw new CheckpointException(path, e.Message, e); }
            }
            return step;
        }
    }

    /// <summary>The step stored in a checkpoint, without restoring it.</summary>
    public static long ReadStep(string path)
    {
        using var file = SafeTensors.Load(path);
        return long.Parse(file.Metadata["step"], CultureInfo.InvariantCulture);
    }

    /// <summary>The trainer's <c>info/</c> entries of a checkpoint (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> ReadInfo(string path)
    {
        using var file = SafeTensors.Load(path);
        return Under(file.Metadata, "info/");
    }

    static Dictionary<string, T> Under<T>(IReadOnlyDictionary<string, T> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
           .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
}

/// <summary>A checkpoint could not be read or does not fit the experiment; the message names the file and the fix.</summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public CheckpointException(string path, string problem, Exception? inner = null)
        : base($"Checkpoint {path}: {problem}.", inner) => FilePath = path;

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
