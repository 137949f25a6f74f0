namespace SegGanLab.Torch;

/// <summary>
/// The base of every optimizer, as <c>torch.optim.Optimizer</c>: parameter groups with their own
/// hyper-parameters, per-parameter state, <see cref="zero_grad"/>, <see cref="step"/> and a state
/// dict that round-trips exactly (save, rebuild, load, keep stepping = never having stopped).
/// Derived classes implement <see cref="StepGroup"/>; <see cref="step"/> runs it without gradient
/// recording and inside a dispose scope, so an update leaves no temporaries behind.
/// </summary>
public abstract partial class Optimizer : IDisposable
{
    readonly List<ParamGroup> _groups = new();
    readonly Dictionary<Tensor, ParameterState> _state = new(ReferenceEqualityComparer.Instance);
    bool _disposed;

    /// <summary>Creates an optimizer over <paramref name="groups"/>; options they leave out come from <paramref name="defaults"/>.</summary>
    /// <exception cref="ArgumentException">When there are no parameters, a parameter is not a leaf or appears twice, or an option is invalid.</exception>
    protected Optimizer(IEnumerable<ParamGroup> groups, OptimizerOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(defaults);
        defaults.Validate();
        this.defaults = defaults with { };
        foreach (var g in groups) add_param_group(g);
        if (_groups.Count == 0) throw new ArgumentException($"{name} got an empty parameter list.", nameof(groups));
    }

    /// <summary>The type name stored in state dicts ("SGD", "Adam", ...); loading checks it.</summary>
    public virtual string name => GetType().Name;

    /// <summary>The options a group gets for anything it does not set itself.</summary>
    public OptimizerOptions defaults { get; }

    /// <summary>The parameter groups, in order.</summary>
    public IReadOnlyList<ParamGroup> param_groups => _groups;

    /// <summary>Per-parameter state (PyTorch's <c>optimizer.state</c>), keyed by parameter identity; created on a parameter's first step.</summary>
    public IReadOnlyDictionary<Tensor, ParameterState> state => _state;

    /// <summary>Every parameter of every group, in order (the order state-dict indices count in).</summary>
    public IEnumerable<Tensor> parameters() => _groups.SelectMany(g => g.Parameters);

    /// <summary>
    /// Adds a group (e.g. layers unfrozen during fine-tuning). Its options are resolved against
    /// <see cref="defaults"/> and validated.
    /// </summary>
    /// <exception cref="ArgumentException">When the group is empty, shares a parameter with another group, repeats one, holds a non-leaf tensor, or has invalid options.</exception>
    public void add_param_group(ParamGroup param_group)
    {
        ArgumentNullException.ThrowIfNull(param_group);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (param_group.Parameters.Count == 0) throw new ArgumentException($"{name} got a parameter group without parameters.", nameof(param_group));
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var p in param_group.Parameters)
        {
            if (p is null) throw new ArgumentException("A parameter group holds a null tensor.", nameof(param_group));
            if (!seen.Add(p)) throw new ArgumentException($"A parameter ({p}) appears more than once in the same group; it would be updated twice per step.", nameof(param_group));
            if (!p.is_leaf) throw new ArgumentException($"Can't optimize a non-leaf tensor ({p}): optimize the leaf it was computed from, or detach() it and set requires_grad.", nameof(param_group));
        }
        foreach (var g in _groups)
            if (g.Parameters.Any(seen.Contains))
                throw new ArgumentException("Some parameters appear in more than one parameter group.", nameof(param_group));
        param_group.Attach(defaults, name);
        _groups.Add(param_group);
    }

    /// <summary>
    /// Clears every parameter's gradient: drops it (<paramref name="set_to_none"/>, the default, as in
    /// PyTorch 2: saves memory and a kernel) or sets it to zeros.
    /// </summary>
    public void zero_grad(bool set_to_none = true)
    {
        foreach (var g in _groups)
            foreach (var p in g.Parameters) p.zero_grad(set_to_none);
    }

    /// <summary>
    /// Updates every parameter that has a gradient (those without one are skipped, as in PyTorch),
    /// using each group's current hyper-parameters.
    /// </summary>
    public void step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The scope is the safety net: StepGroup disposes its temporaries eagerly so peak memory stays
        // at one parameter's worth, and anything an exception leaves behind goes with the scope.
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var g in _groups) StepGroup(g);
    }

    /// <summary>Applies one update to the parameters of <paramref name="group"/> (called by <see cref="step"/> without gradient recording).</summary>
    protected abstract void StepGroup(ParamGroup group);

    /// <summary>The state of <paramref name="parameter"/>, created empty on first use.</summary>
    protected ParameterState StateOf(Tensor parameter)
    {
        if (!_state.TryGetValue(parameter, out var s)) _state[parameter] = s = new ParameterState();
        return s;
    }

    /// <summary>
    /// The state tensor names a parameter's state must hold under <paramref name="options"/> once it
    /// has any state (load_state_dict checks them, so a mismatched checkpoint fails there, not mid-step).
    /// </summary>
    protected abstract IEnumerable<string> RequiredStateTensors(OptimizerOptions options);

    /// <summary>True when every parameter state carries a step count (Adam's bias correction needs one); load_state_dict checks it.</summary>
    protected virtual bool KeepsStepCount => false;

    /// <summary>
    /// A snapshot: group hyper-parameters and per-parameter state keyed by global parameter index.
    /// Its tensors alias this optimizer's state (no copy): save or load it before the next
    /// <see cref="step"/>, then dispose it.
    /// </summary>
    public OptimizerStateDict state_dict()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var groups = new List<ParamGroupState>();
        var state = new Dictionary<int, ParameterState>();
        var index = 0;
        try
        {
            foreach (var g in _groups)
            {
                var indices = new int[g.Parameters.Count];
                for (var k = 0; k < indices.Length; k++, index++)
                {
                    indices[k] = index;
                    if (!_state.TryGetValue(g.Parameters[k], out var s)) continue;
                    var copy = new ParameterState { step = s.step };
                    state[index] = copy;
                    foreach (var (n, t) in s.tensors) copy.tensors[n] = t.detach().DetachFromDisposeScope();
                }
                groups.Add(new ParamGroupState(indices, g.Options.ToScalars().ToDictionary(kv => kv.Key, kv => kv.Value), g.initial_lr));
            }
        }
        catch
        {
            foreach (var s in state.Values) s.Dispose();
            throw;
        }
        return new OptimizerStateDict(name, groups, state);
    }

    /// <summary>
    /// Restores hyper-parameters and per-parameter state from <paramref name="state_dict"/> (which
    /// the caller still owns: the values are copied, cast to each parameter's dtype and device).
    /// Everything is checked before anything changes.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// When the state dict comes from another optimizer type, its groups or their sizes differ, a
    /// state tensor's shape differs from its parameter's, a required state tensor is missing, or a
    /// hyper-parameter is unknown or invalid.
    /// </exception>
    public void load_state_dict(OptimizerStateDict state_dict)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (state_dict.optimizer != name)
            throw new ArgumentException($"Cannot load a {state_dict.optimizer} state dict into {name}.", nameof(state_dict));
        if (state_dict.param_groups.Count != _groups.Count)
            throw new ArgumentException($"The state dict has {state_dict.param_groups.Count} parameter groups but this optimizer has {_groups.Count}.", nameof(state_dict));

        // Phase 1: resolve and check everything. Saved indices map to parameters by position, as in PyTorch.
        var byIndex = new Dictionary<int, Tensor>();
        var newOptions = new OptimizerOptions[_groups.Count];
        for (var g = 0; g < _groups.Count; g++)
        {
            var saved = state_dict.param_groups[g];
            var group = _groups[g];
            if (saved.param_indices.Count != group.Parameters.Count)
                throw new ArgumentException($"Parameter group {g} of the state dict has {saved.param_indices.Count} parameters but this optimizer's has {group.Parameters.Count}.", nameof(state_dict));
            var options = group.Options with { };
            foreach (var (key, value) in saved.options) options.SetScalar(key, value);
            options.Validate();
            newOptions[g] = options;
            var required = RequiredStateTensors(options).ToList();
            for (var k = 0; k < group.Parameters.Count; k++)
            {
                var i = saved.param_indices[k];
                if (!byIndex.TryAdd(i, group.Parameters[k])) throw new ArgumentException($"The state dict lists parameter {i} twice.", nameof(state_dict));
                if (!state_dict.state.TryGetValue(i, out var s)) continue;
                if (KeepsStepCount && s.step is null) throw new ArgumentException($"The state of parameter {i} has no step count, which {name} needs.", nameof(state_dict));
                foreach (var n in required)
                    if (!s.tensors.ContainsKey(n)) throw new ArgumentException($"The state of parameter {i} has no '{n}' tensor, which {name} needs with these options.", nameof(state_dict));
            }
        }
        foreach (var (i, s) in state_dict.state)
        {
            if (!byIndex.TryGetValue(i, out var p)) throw new ArgumentException($"The state dict has state for parameter {i}, which none of its groups lists.", nameof(state_dict));
            foreach (var (n, t) in s.tensors)
                if (!t.shape.SequenceEqual(p.shape))
                    throw new ArgumentException($"State tensor '{n}' of parameter {i} is [{string.Join(", ", t.shape)}] but the parameter is [{string.Join(", ", p.shape)}].", nameof(state_dict));
        }

        // Phase 2: apply. Fresh copies, so the caller's tensors (and later steps) never alias each other.
        for (var g = 0; g < _groups.Count; g++)
        {
            _groups[g].Replace(newOptions[g]);
            _groups[g].initial_lr = state_dict.param_groups[g].initial_lr;
        }
        foreach (var s in _state.Values) s.Dispose();
        _state.Clear();
        using var noGrad = torch.no_grad();
        foreach (var (i, s) in state_dict.state)
        {
            var p = byIndex[i];
            var copy = new ParameterState { step = s.step };
            _state[p] = copy;
            foreach (var (n, t) in s.tensors)
                copy.Set(n, t.dtype.IsFloatingPoint() ? t.to(p.dtype, p.device, copy: true) : t.to(p.device, copy: true));
        }
    }

    /// <summary>Frees the optimizer's state tensors (not the parameters, which belong to their modules).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var s in _state.Values) s.Dispose();
        _state.Clear();
        GC.SuppressFinalize(this);
    }
}
