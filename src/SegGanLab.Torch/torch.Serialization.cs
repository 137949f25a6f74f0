using SegGanLab.Torch.Serialization;

namespace SegGanLab.Torch;

public static partial class torch
{
    /// <summary>
    /// Saves named tensors (a state dict) to a safetensors file, atomically; Python reads it with
    /// <c>safetensors.torch.load_file</c>. See <see cref="SafeTensors.Save"/>.
    /// </summary>
    /// <exception cref="ArgumentException">For an empty, duplicate or reserved name, or a null or disposed tensor.</exception>
    public static void save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Save(tensors, path, metadata);

    /// <summary>
    /// Loads every tensor of a safetensors file (from <see cref="save"/> or Python's
    /// <c>safetensors.torch.save_file</c>), in file order. Like any new tensor they belong to the
    /// current dispose scope, if one is open; otherwise dispose them when done.
    /// Use <see cref="SafeTensors.Load"/> for the metadata or <see cref="SafeTensors.ReadHeader"/> for shapes alone.
    /// </summary>
    /// <exception cref="SafeTensorsException">When the file is truncated, corrupt or not safetensors.</exception>
    public static OrderedDictionary<string, Tensor> load(string path, Device? device = null)
    {
        using var file = SafeTensors.LoadTensors(path, device, joinDisposeScope: true);
        return file.Detach();
    }
}
