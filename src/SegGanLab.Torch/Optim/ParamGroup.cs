namespace SegGanLab.Torch;

/// <summary>
/// Parameters that share hyper-parameters, as a PyTorch param-group dict: e.g. a pretrained backbone
/// with a smaller learning rate than the head, or biases without weight decay. Options not given
/// here come from the optimizer's defaults when the group is added to it.
/// </summary>
/// <example><code>
/// var opt = torch.optim.Adam([new ParamGroup(backbone.parameters(), lr: 1e-4), new ParamGroup(head.parameters())], lr: 1e-3);
/// </code></example>
public sealed class ParamGroup
{
    readonly double? _lr, _weightDecay;
    readonly OptimizerOptions? _fullOptions;
    OptimizerOptions? _options;

    /// <summary>A group overriding only the learning rate and/or the weight decay.</summary>
    public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? weight_decay = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        (_lr, _weightDecay) = (lr, weight_decay);
    }

    /// <summary>A group with all of its own options (the type must be the optimizer's, e.g. <see cref="AdamOptions"/> for Adam).</summary>
    public ParamGroup(IEnumerable<Tensor> parameters, OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        Parameters = parameters.ToArray();
        _fullOptions = options;
    }

    /// <summary>The group's parameters, in order (PyTorch's <c>group['params']</c>).</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The group's resolved hyper-parameters; set when the group joins an optimizer.</summary>
    /// <exception cref="InvalidOperationException">Before the group is part of an optimizer.</exception>
    public OptimizerOptions Options => _options ?? throw new InvalidOperationException("This parameter group is not part of an optimizer yet, so its options are not resolved.");

    /// <summary>The group's learning rate (what schedulers change).</summary>
    public double lr
    {
        get => Options.lr;
        set => Options.lr = value;
    }

    /// <summary>The group's weight decay.</summary>
    public double weight_decay
    {
        get => Options.weight_decay;
        set => Options.weight_decay = value;
    }

    /// <summary>
    /// The learning rate a scheduler started from (PyTorch's <c>group['initial_lr']</c>): set by the
    /// first scheduler attached to the optimizer and saved with its state, so a resumed scheduler
    /// computes from the same base.
    /// </summary>
    public double? initial_lr { get; set; }

    /// <summary>True once the group belongs to an optimizer.</summary>
    internal bool IsAttached => _options is not null;

    /// <summary>Resolves the options against <paramref name="defaults"/> and validates them.</summary>
    internal void Attach(OptimizerOptions defaults, string optimizerName)
    {
        if (_options is not null) throw new ArgumentException("This parameter group already belongs to an optimizer; create a new ParamGroup for each optimizer.");
        OptimizerOptions options;
        if (_fullOptions is not null)
        {
            if (_fullOptions.GetType() != defaults.GetType())
                throw new ArgumentException($"A {optimizerName} parameter group needs {defaults.GetType().Name}, not {_fullOptions.GetType().Name}.", "param_group");
            options = _fullOptions with { };
        }
        else options = defaults with { };
        if (_lr is { } lr) options.lr = lr;
        if (_weightDecay is { } wd) options.weight_decay = wd;
        options.Validate();
        _options = options;
    }

    /// <summary>Replaces the resolved options (used when loading a state dict).</summary>
    internal void Replace(OptimizerOptions options) => _options = options;
}
