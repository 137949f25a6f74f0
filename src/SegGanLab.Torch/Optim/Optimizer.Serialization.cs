using SegGanLab.Torch.Serialization;

namespace SegGanLab.Torch;

public abstract partial class Optimizer
{
    /// <summary>
    /// Saves the optimizer's state (moments, step counts, group hyper-parameters) to a safetensors
    /// file, atomically: tensors as tensors, scalars in the header's metadata.
    /// </summary>
    public void save(string path)
    {
        using var sd = state_dict();
        var (tensors, scalars) = sd.ToFlat();
        try { SafeTensors.Save(tensors, path, scalars); }
        finally { foreach (var t in tensors.Values) t.Dispose(); }
    }

    /// <summary>Restores a state saved by <see cref="save"/> into this optimizer (same parameters, same order).</summary>
    public void load(string path)
    {
        using var file = SafeTensors.Load(path);
        var tensors = file.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value);
        using var sd = OptimizerStateDict.FromFlat(tensors, file.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value));
        load_state_dict(sd);
    }
}
