using System.Text;
using SegGanLab.Torch;
using SegGanLab.Torch.Serialization;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// Backbone weights could not be loaded: the file is missing, unreadable, or holds another
/// architecture's tensors. The message names the file, the first offending keys and how to export
/// matching weights (docs/pretrained-weights.md).
/// </summary>
public sealed class BackboneWeightsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BackboneWeightsException(string path, string message, IReadOnlyList<string>? missing = null, IReadOnlyList<string>? unexpected = null,
                                    IReadOnlyList<string>? mismatched = null, Exception? inner = null) : base(message, inner)
    {
        FilePath = path;
        MissingKeys = missing ?? [];
        UnexpectedKeys = unexpected ?? [];
        MismatchedKeys = mismatched ?? [];
    }

    /// <summary>The weights file.</summary>
    public string FilePath { get; }
    /// <summary>Keys the backbone needs that the file lacks.</summary>
    public IReadOnlyList<string> MissingKeys { get; }
    /// <summary>Keys in the file that the backbone does not have.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }
    /// <summary>"key: file [shape] vs model [shape]" for each shape mismatch.</summary>
    public IReadOnlyList<string> MismatchedKeys { get; }
}

/// <summary>Loads a torchvision state dict saved as safetensors into a backbone built here, checking every key first.</summary>
internal static class TorchvisionWeights
{
    const int Shown = 5;

    /// <summary>
    /// Copies the file's tensors into <paramref name="target"/>'s parameters and buffers by name.
    /// Keys for which <paramref name="ignored"/> is true (the classifier) may be present; batch-norm
    /// <c>num_batches_tracked</c> counters may be absent. Nothing is copied unless everything fits.
    /// </summary>
    internal static void Load(nn.Module target, string path, string architecture, Func<string, bool> ignored)
    {
        var export = $"export them with `/usr/bin/python3 scripts/export_torchvision_weights.py {architecture} {path}` (see docs/pretrained-weights.md)";
        if (!File.Exists(path))
            throw new BackboneWeightsException(path, $"{architecture} backbone weights not found at '{Path.GetFullPath(path)}': {export}.");
        SafeTensorsFile file;
        try { file = SafeTensors.Load(path); }
        catch (SafeTensorsException e)
        {
            throw new BackboneWeightsException(path, $"{architecture} backbone weights at '{path}' could not be read ({e.Problem}): {export}.", inner: e);
        }
        using (file)
        {
            var own = target.state_dict();
            try
            {
                var missing = own.Keys.Where(k => !file.ContainsKey(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToList();
                var unexpected = file.Tensors.Select(p => p.Key).Where(k => !own.ContainsKey(k) && !ignored(k)).ToList();
                var mismatched = own.Where(p => file.TryGetValue(p.Key, out var t) && !t.shape.SequenceEqual(p.Value.shape))
                                    .Select(p => $"{p.Key}: file {ImageModel.Describe(file[p.Key].shape)} vs model {ImageModel.Describe(p.Value.shape)}").ToList();
                if (missing.Count + unexpected.Count + mismatched.Count > 0)
                    throw new BackboneWeightsException(path, Explain(path, architecture, export, missing, unexpected, mismatched), missing, unexpected, mismatched);
                var state = own.Keys.Where(file.ContainsKey).ToDictionary(k => k, k => file[k]);
                target.load_state_dict(state, strict: false);
            }
            finally
            {
                foreach (var t in own.Values) t.Dispose();
            }
        }
    }

    static string Explain(string path, string architecture, string export, List<string> missing, List<string> unexpected, List<string> mismatched)
    {
        var sb = new StringBuilder($"'{path}' does not fit the {architecture} backbone:");
        Append(sb, "missing keys", missing);
        Append(sb, "unexpected keys", unexpected);
        Append(sb, "size mismatch", mismatched);
        sb.Append($"\n  Was it exported from {architecture} (with the default width and 3 input channels)? Otherwise {export}.");
        return sb.ToString();
    }

    static void Append(StringBuilder sb, string what, List<string> keys)
    {
        if (keys.Count == 0) return;
        sb.Append($"\n  {what} ({keys.Count}): {string.Join(", ", keys.Take(Shown))}");
        if (keys.Count > Shown) sb.Append($", ... and {keys.Count - Shown} more");
    }
}
