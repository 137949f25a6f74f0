using System.Reflection;
using System.Text;

namespace SegGanLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The base of every layer and model, as <c>torch.nn.Module</c>: named parameters, buffers and
        /// submodules (registered explicitly, or found by reflection over fields by
        /// <see cref="RegisterComponents"/>), train/eval, device and dtype moves, state dicts,
        /// parameter counts and a printable tree.
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            readonly OrderedDictionary<string, Parameter?> _parameters = new();
            readonly OrderedDictionary<string, (Tensor? Tensor, bool Persistent)> _buffers = new();
            readonly OrderedDictionary<string, Module> _modules = new();
            bool _disposed;

            /// <summary>Creates a module; <paramref name="name"/> is its type name in printouts.</summary>
            protected Module(string name) => Name = name;

            /// <summary>The type name shown by <see cref="ToString"/> (Conv2d, UNet, ...).</summary>
            public string Name { get; }

            /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
            public bool training { get; private set; } = true;

            // ---- registration ----------------------------------------------------------------------------
            /// <summary>Registers (or replaces) a parameter; null registers an absent one (e.g. bias=false).</summary>
            public void register_parameter(string name, Parameter? parameter)
            {
                CheckName(name);
                _parameters[name] = parameter;
            }

            /// <summary>Registers a buffer (running statistics, ...); non-persistent buffers stay out of the state dict.</summary>
            public void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckName(name);
                tensor?.DetachFromDisposeScope();
                _buffers[name] = (tensor, persistent);
            }

            /// <summary>Registers a submodule.</summary>
            public void register_module(string name, Module module)
            {
                CheckName(name);
                _modules[name] = module;
            }

            /// <summary>
            /// Registers every field of the derived class: <see cref="Module"/> fields as submodules,
            /// <see cref="Parameter"/> fields as parameters and other <see cref="Tensor"/> fields as
            /// buffers, named after the field (a leading underscore dropped). Call it at the end of
            /// the constructor, as in TorchSharp.
            /// </summary>
            protected void RegisterComponents()
            {
                for (var type = GetType(); type != null && type != typeof(Module); type = type.BaseType)
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && !field.Name.Contains("k__BackingField")) continue;
                        var name = FieldName(field.Name);
                        switch (field.GetValue(this))
                        {
                            case Module m when !_modules.ContainsKey(name): register_module(name, m); break;
                            case Parameter p when !_parameters.ContainsKey(name): register_parameter(name, p); break;
                            case Tensor t and not Parameter when !_buffers.ContainsKey(name): register_buffer(name, t); break;
                        }
                    }
            }

            static string FieldName(string raw)
            {
                if (raw.StartsWith('<')) raw = raw[1..raw.IndexOf('>')]; // auto-property backing field
                return raw.TrimStart('_');
            }

            static void CheckName(string name)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    throw new ArgumentException($"Invalid module member name '{name}': names must be non-empty and contain no '.'.", nameof(name));
            }

            // ---- traversal ----------------------------------------------------------------------------------
            /// <summary>Direct submodules with their names.</summary>
            public IEnumerable<(string name, Module module)> named_children()
            {
                foreach (var kv in _modules) yield return (kv.Key, kv.Value);
            }

            /// <summary>Direct submodules.</summary>
            public IEnumerable<Module> children() => named_children().Select(c => c.module);

            /// <summary>This module and every descendant, with dotted names ("" for this one).</summary>
            public IEnumerable<(string name, Module module)> named_modules(string prefix = "")
            {
                yield return (prefix, this);
                foreach (var (name, child) in named_children())
                    foreach (var inner in child.named_modules(Join(prefix, name)))
                        yield return inner;
            }

            /// <summary>This module and every descendant.</summary>
            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>Parameters with dotted names, in registration order (recursively by default).</summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                foreach (var kv in _parameters)
                    if (kv.Value is not null) yield return (kv.Key, kv.Value);
                if (!recurse) yield break;
                foreach (var (name, child) in named_children())
                    foreach (var (n, p) in child.named_parameters())
                        yield return (Join(name, n), p);
            }

            /// <summary>Every parameter (recursively by default).</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Buffers with dotted names (recursively by default).</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) => Buffers(recurse, persistentOnly: false);

            /// <summary>Every buffer.</summary>
            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            IEnumerable<(string name, Tensor buffer)> Buffers(bool recurse, bool persistentOnly)
            {
                foreach (var kv in _buffers)
                    if (kv.Value.Tensor is not null && (!persistentOnly || kv.Value.Persistent)) yield return (kv.Key, kv.Value.Tensor);
                if (!recurse) yield break;
                foreach (var (name, child) in named_children())
                    foreach (var (n, b) in child.Buffers(true, persistentOnly))
                        yield return (Join(name, n), b);
            }

            static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

            // ---- modes and moves -----------------------------------------------------------------------------
            /// <summary>Sets training mode on this module and every descendant.</summary>
            public virtual Module train(bool mode = true)
            {
                training = mode;
                foreach (var child in children()) child.train(mode);
                return this;
            }

            /// <summary>Evaluation mode: <c>train(false)</c>.</summary>
            public Module eval() => train(false);

            /// <summary>Moves parameters and buffers to <paramref name="device"/> in place (parameters keep their identity, so optimizers stay valid).</summary>
            public Module to(Device device) => Apply(t => t.to(device), floatingOnly: false);

            /// <summary>Converts floating-point parameters and buffers to <paramref name="dtype"/> in place.</summary>
            public Module to(ScalarType dtype)
            {
                if (!dtype.IsFloatingPoint()) throw new ArgumentException($"Module.to only converts to floating-point dtypes, not {dtype.ToTorchName()}.", nameof(dtype));
                return Apply(t => t.to(dtype), floatingOnly: true);
            }

            /// <summary>Moves to a device given as "cpu" or "cuda:N".</summary>
            public Module to(string device) => to(Device.Parse(device));

            Module Apply(Func<Tensor, Tensor> convert, bool floatingOnly)
            {
                using var _ = no_grad();
                foreach (var p in parameters())
                {
                    if (floatingOnly && !p.dtype.IsFloatingPoint()) continue;
                    using var moved = convert(p);
                    p.set_data(moved);
                    if (p.grad is { } g)
                    {
                        using (g)
                        using (var gm = convert(g)) p.grad = gm;
                    }
                }
                foreach (var (_, b) in named_buffers())
                {
                    if (floatingOnly && !b.dtype.IsFloatingPoint()) continue;
                    using var moved = convert(b);
                    b.set_data(moved);
                }
                return this;
            }

            /// <summary>Clears every parameter's gradient (drops it by default, as PyTorch 2 does).</summary>
            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters()) p.zero_grad(set_to_none);
            }

            // ---- state dict ---------------------------------------------------------------------------------------
            /// <summary>
            /// Parameters and persistent buffers by dotted name, in PyTorch's order (each module's
            /// parameters, then its buffers, then its children). The tensors alias the module's
            /// storage: dispose the returned handles, not the module.
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var result = new Dictionary<string, Tensor>();
                Collect(result, "");
                return result;
            }

            void Collect(Dictionary<string, Tensor> into, string prefix)
            {
                foreach (var kv in _parameters)
                    if (kv.Value is not null) into[Join(prefix, kv.Key)] = kv.Value.detach().DetachFromDisposeScope();
                foreach (var kv in _buffers)
                    if (kv.Value.Tensor is not null && kv.Value.Persistent) into[Join(prefix, kv.Key)] = kv.Value.Tensor.detach().DetachFromDisposeScope();
                foreach (var (name, child) in named_children()) child.Collect(into, Join(prefix, name));
            }

            /// <summary>
            /// Copies values from <paramref name="state"/> into this module's parameters and buffers.
            /// With <paramref name="strict"/>, missing keys, unexpected keys and shape mismatches are all
            /// reported together in one <see cref="StateDictException"/>; nothing is copied then.
            /// </summary>
            public (IReadOnlyList<string> missing, IReadOnlyList<string> unexpected) load_state_dict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
            {
                var own = new Dictionary<string, Tensor>();
                foreach (var (n, p) in named_parameters()) own[n] = p;
                foreach (var (n, b) in Buffers(true, persistentOnly: true)) own[n] = b;
                var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
                var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
                var mismatched = new List<string>();
                foreach (var (k, target) in own)
                    if (state.TryGetValue(k, out var src) && !src.shape.SequenceEqual(target.shape))
                        mismatched.Add($"{k}: checkpoint [{string.Join(", ", src.shape)}] vs model [{string.Join(", ", target.shape)}]");
                if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
                    throw new StateDictException(Name, missing, unexpected, mismatched);
                using (no_grad())
                    foreach (var (k, target) in own)
                        if (state.TryGetValue(k, out var src)) target.copy_(src);
                return (missing, unexpected);
            }

            // ---- size and printing ------------------------------------------------------------------------------
            /// <summary>Number of parameter elements (all, or only trainable ones).</summary>
            public long parameter_count(bool trainableOnly = false) =>
                parameters().Where(p => !trainableOnly || p.requires_grad).Sum(p => p.numel());

            /// <summary>The arguments shown inside the parentheses of <see cref="ToString"/>, e.g. "3, 8, kernel_size=(3, 3)".</summary>
            public virtual string extra_repr() => "";

            /// <summary>A PyTorch-style nested printout of the module tree.</summary>
            public override string ToString()
            {
                var extra = extra_repr();
                if (_modules.Count == 0) return $"{Name}({extra})";
                var sb = new StringBuilder(Name).Append('(');
                if (extra.Length > 0) sb.Append("\n  ").Append(extra);
                foreach (var (name, child) in named_children())
                    sb.Append("\n  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  "));
                return sb.Append("\n)").ToString();
            }

            /// <summary>
            /// A table of every parameter (name, shape, count) with totals, for logs and notebooks.
            /// </summary>
            public string summary()
            {
                var rows = named_parameters().Select(p => (p.name, shape: "[" + string.Join(", ", p.parameter.shape) + "]", count: p.parameter.numel(), p.parameter.requires_grad)).ToList();
                var w0 = Math.Max(9, rows.Count == 0 ? 0 : rows.Max(r => r.name.Length));
                var w1 = Math.Max(5, rows.Count == 0 ? 0 : rows.Max(r => r.shape.Length));
                var sb = new StringBuilder();
                sb.AppendLine($"{Name}: {parameter_count():N0} parameters ({parameter_count(true):N0} trainable)");
                sb.AppendLine($"{"parameter".PadRight(w0)}  {"shape".PadRight(w1)}  {"count",12}");
                foreach (var r in rows) sb.AppendLine($"{r.name.PadRight(w0)}  {r.shape.PadRight(w1)}  {r.count,12:N0}{(r.requires_grad ? "" : "  (frozen)")}");
                var bufferCount = named_buffers().Sum(b => b.buffer.numel());
                sb.Append($"buffers: {bufferCount:N0} elements");
                return sb.ToString();
            }

            /// <summary>Frees every parameter and buffer of this module tree.</summary>
            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                Dispose(true);
                foreach (var child in children()) child.Dispose();
                foreach (var kv in _parameters) kv.Value?.Dispose();
                foreach (var kv in _buffers) kv.Value.Tensor?.Dispose();
                GC.SuppressFinalize(this);
            }

            /// <summary>Frees resources a derived module holds outside parameters, buffers and submodules.</summary>
            protected virtual void Dispose(bool disposing) { }
        }

        /// <summary>A module with a typed forward pass, as TorchSharp's <c>Module&lt;T, TResult&gt;</c>.</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/> (the place for hooks; kept so TorchSharp code ports).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module with a two-argument forward pass (e.g. a conditional discriminator).</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs <see cref="forward"/>.</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}

/// <summary>A state dict does not fit a module: lists every missing, unexpected and mis-shaped key.</summary>
public sealed class StateDictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateDictException(string module, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatched)
        : base(Compose(module, missing, unexpected, mismatched))
    {
        Missing = missing;
        Unexpected = unexpected;
        Mismatched = mismatched;
    }

    /// <summary>Keys the module has but the state dict lacks.</summary>
    public IReadOnlyList<string> Missing { get; }
    /// <summary>Keys the state dict has but the module lacks.</summary>
    public IReadOnlyList<string> Unexpected { get; }
    /// <summary>"key: checkpoint [shape] vs model [shape]" for each shape mismatch.</summary>
    public IReadOnlyList<string> Mismatched { get; }

    static string Compose(string module, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatched)
    {
        var sb = new StringBuilder($"Error(s) loading the state dict of {module}:");
        if (missing.Count > 0) sb.Append($"\n  missing keys: {string.Join(", ", missing)}");
        if (unexpected.Count > 0) sb.Append($"\n  unexpected keys: {string.Join(", ", unexpected)}");
        foreach (var m in mismatched) sb.Append($"\n  size mismatch for {m}");
        sb.Append("\n  Check that the checkpoint was saved from the same architecture and options (or load with strict: false to skip missing/unexpected keys).");
        return sb.ToString();
    }
}
