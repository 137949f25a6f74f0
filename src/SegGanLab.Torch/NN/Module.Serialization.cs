using SegGanLab.Torch.Serialization;

namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Saves the state dict (parameters and persistent buffers) to a safetensors file, atomically.
            /// Python reads it with <c>safetensors.torch.load_file</c>, or json + numpy.
            /// </summary>
            public Module save(string path, IReadOnlyDictionary<string, string>? metadata = null)
            {
                var state = state_dict();
                try { SafeTensors.Save(state, path, metadata); }
                finally { foreach (var t in state.Values) t.Dispose(); }
                return this;
            }

            /// <summary>
            /// Loads a state dict saved by <see cref="save"/> (or by PyTorch code in safetensors format)
            /// into this module; see <see cref="load_state_dict"/> for <paramref name="strict"/>.
            /// </summary>
            public Module load(string path, bool strict = true)
            {
                using var file = SafeTensors.Load(path);
                var state = new Dictionary<string, Tensor>();
                foreach (var kv in file.Tensors) state[kv.Key] = kv.Value;
                load_state_dict(state, strict);
                return this;
            }
        }
    }
}
