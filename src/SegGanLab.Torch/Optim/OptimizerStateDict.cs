namespace SegGanLab.Torch;

/// <summary>
/// One parameter group in an <see cref="OptimizerStateDict"/>: which parameters (global indices, in
/// the order of the optimizer's groups) and the hyper-parameters as invariant strings.
/// </summary>
/// <param name="param_indices">Indices of the group's parameters, counted across all groups (PyTorch's <c>group['params']</c>).</param>
/// <param name="options">The hyper-parameters as <see cref="OptimizerOptions.ToScalars"/> writes them.</param>
/// <param name="initial_lr">The scheduler's base learning rate, if a scheduler set one.</param>
public sealed record ParamGroupState(IReadOnlyList<int> param_indices, IReadOnlyDictionary<string, string> options, double? initial_lr);

/// <summary>
/// A snapshot of an optimizer (PyTorch's <c>optimizer.state_dict()</c>): the optimizer's type, its
/// groups' hyper-parameters and each parameter's state, keyed by the parameter's global index.
/// It owns its tensor handles (aliases of the optimizer's state from
/// <see cref="Optimizer.state_dict"/>, so no data is copied): dispose it when done.
/// <see cref="ToFlat"/> and <see cref="FromFlat"/> convert to and from the named-tensors-plus-strings
/// form that safetensors files store.
/// </summary>
public sealed class OptimizerStateDict : IDisposable
{
    /// <summary>Creates a state dict; it takes ownership of the tensors in <paramref name="state"/>.</summary>
    public OptimizerStateDict(string optimizer, IReadOnlyList<ParamGroupState> param_groups, IReadOnlyDictionary<int, ParameterState> state)
    {
        ArgumentException.ThrowIfNullOrEmpty(optimizer);
        ArgumentNullException.ThrowIfNull(param_groups);
        ArgumentNullException.ThrowIfNull(state);
        this.optimizer = optimizer;
        this.param_groups = param_groups;
        this.state = state;
    }

    /// <summary>The optimizer's type name ("SGD", "Adam", "AdamW"); loading into another type fails.</summary>
    public string optimizer { get; }

    /// <summary>The parameter groups, in order.</summary>
    public IReadOnlyList<ParamGroupState> param_groups { get; }

    /// <summary>Per-parameter state by global parameter index; parameters never stepped have no entry.</summary>
    public IReadOnlyDictionary<int, ParameterState> state { get; }

    /// <summary>
    /// The state as named tensors ("{prefix}state.{index}.{name}", e.g. "state.0.exp_avg") and
    /// strings ("{prefix}optimizer", "{prefix}state.{index}.step", "{prefix}param_groups.{g}.params"
    /// as "0,1,2", "{prefix}param_groups.{g}.lr", ...). The returned tensors are new handles sharing
    /// this dict's storage: the caller disposes them. A <paramref name="prefix"/> such as
    /// "optimizer_G." lets several optimizers share one file.
    /// </summary>
    public (Dictionary<string, Tensor> tensors, Dictionary<string, string> scalars) ToFlat(string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var tensors = new Dictionary<string, Tensor>();
        var scalars = new Dictionary<string, string> { [prefix + "optimizer"] = optimizer };
        for (var g = 0; g < param_groups.Count; g++)
        {
            var group = param_groups[g];
            var key = $"{prefix}param_groups.{g}.";
            scalars[key + "params"] = InvariantText.Format(group.param_indices);
            foreach (var (name, value) in group.options) scalars[key + name] = value;
            if (group.initial_lr is { } initial) scalars[key + "initial_lr"] = InvariantText.Format(initial);
        }
        try
        {
            foreach (var (index, s) in state)
            {
                var key = $"{prefix}state.{index}.";
                if (s.step is { } step) scalars[key + "step"] = InvariantText.Format(step);
                foreach (var (name, t) in s.tensors) tensors[key + name] = t.detach().DetachFromDisposeScope();
            }
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return (tensors, scalars);
    }

    /// <summary>
    /// Rebuilds a state dict from <see cref="ToFlat"/>'s form, reading only keys that start with
    /// <paramref name="prefix"/> (other entries of a shared file are ignored). The result holds its
    /// own handles to the given tensors; the caller still owns and disposes the originals.
    /// </summary>
    /// <exception cref="ArgumentException">When the optimizer name is missing or a key under the prefix is malformed.</exception>
    public static OptimizerStateDict FromFlat(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> scalars, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(scalars);
        ArgumentNullException.ThrowIfNull(prefix);
        var name = InvariantText.Require(scalars, prefix + "optimizer", "optimizer");

        var groups = new SortedDictionary<int, (int[]? indices, Dictionary<string, string> options, double? initial)>();
        var state = new SortedDictionary<int, ParameterState>();
        ParameterState StateOf(int index) => state.TryGetValue(index, out var s) ? s : state[index] = new ParameterState();

        foreach (var (key, value) in scalars)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key[prefix.Length..];
            if (TrySplit(rest, "param_groups.", out var g, out var field))
            {
                if (!groups.TryGetValue(g, out var entry)) entry = (null, new Dictionary<string, string>(), null);
                switch (field)
                {
                    case "params": entry.indices = InvariantText.ParseInts(key, value); break;
                    case "initial_lr": entry.initial = InvariantText.ParseDouble(key, value); break;
                    default: entry.options[field] = value; break;
                }
                groups[g] = entry;
            }
            else if (TrySplit(rest, "state.", out var i, out var stateField))
            {
                if (stateField != "step") throw new ArgumentException($"Unexpected optimizer state entry '{key}': only 'step' is stored as a string.", nameof(scalars));
                StateOf(i).step = InvariantText.ParseLong(key, value);
            }
        }

        try
        {
            foreach (var (key, t) in tensors)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (!TrySplit(key[prefix.Length..], "state.", out var i, out var tensorName)) continue;
                if (tensorName.Length == 0) throw new ArgumentException($"Optimizer state tensor '{key}' has no name after its index.", nameof(tensors));
                StateOf(i).tensors[tensorName] = t.detach().DetachFromDisposeScope();
            }
            var list = new List<ParamGroupState>();
            foreach (var (g, (indices, options, initial)) in groups)
            {
                if (g != list.Count || indices is null)
                    throw new ArgumentException($"The optimizer state under '{prefix}' has an incomplete parameter group {g} (groups are numbered from 0 and each has a 'params' entry).", nameof(scalars));
                list.Add(new ParamGroupState(indices, options, initial));
            }
            return new OptimizerStateDict(name, list, state);
        }
        catch
        {
            // The handles made so far belong to nobody else.
            foreach (var s in state.Values) s.Dispose();
            throw;
        }
    }

    /// <summary>Parses "{head}{index}.{field}".</summary>
    static bool TrySplit(string key, string head, out int index, out string field)
    {
        (index, field) = (0, "");
        if (!key.StartsWith(head, StringComparison.Ordinal)) return false;
        var rest = key[head.Length..];
        var dot = rest.IndexOf('.');
        if (dot <= 0 || !int.TryParse(rest[..dot], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
            throw new ArgumentException($"Malformed optimizer state key '{key}': expected '{head}<index>.<name>'.");
        field = rest[(dot + 1)..];
        return true;
    }

    /// <summary>Frees the tensor handles this state dict holds.</summary>
    public void Dispose()
    {
        foreach (var s in state.Values) s.Dispose();
    }
}
