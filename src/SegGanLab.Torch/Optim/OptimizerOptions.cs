namespace SegGanLab.Torch;

/// <summary>
/// The hyper-parameters of one parameter group (PyTorch keeps them in the group's dict).
/// Every optimizer has its own derived record (<see cref="SGDOptions"/>, <see cref="AdamOptions"/>);
/// each group owns a copy, so a scheduler changing one group's <see cref="lr"/> leaves the others alone.
/// </summary>
public abstract record OptimizerOptions
{
    /// <summary>The learning rate.</summary>
    public double lr { get; set; }

    /// <summary>The weight decay (an L2 penalty, or decoupled decay for AdamW).</summary>
    public double weight_decay { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value, with PyTorch's rules.</summary>
    public virtual void Validate()
    {
        // Written as !(x >= 0) so that NaN is rejected too.
        if (!(lr >= 0)) throw new ArgumentException($"Invalid learning rate: {Format(lr)} (lr must be >= 0).", nameof(lr));
        if (!(weight_decay >= 0)) throw new ArgumentException($"Invalid weight_decay value: {Format(weight_decay)} (weight_decay must be >= 0).", nameof(weight_decay));
    }

    /// <summary>
    /// Every hyper-parameter as an invariant string (doubles round-trip exactly), the form checkpoint
    /// metadata stores; <see cref="SetScalar"/> reads them back.
    /// </summary>
    public virtual IEnumerable<KeyValuePair<string, string>> ToScalars()
    {
        yield return new("lr", Format(lr));
        yield return new("weight_decay", Format(weight_decay));
    }

    /// <summary>Sets one hyper-parameter from its <see cref="ToScalars"/> string.</summary>
    /// <exception cref="ArgumentException">When the key is unknown to this optimizer or the value does not parse.</exception>
    public virtual void SetScalar(string key, string value)
    {
        switch (key)
        {
            case "lr": lr = ParseDouble(key, value); break;
            case "weight_decay": weight_decay = ParseDouble(key, value); break;
            default: throw new ArgumentException($"{GetType().Name} has no hyper-parameter '{key}'.", nameof(key));
        }
    }

    /// <summary>A double as the shortest string that parses back to the same value.</summary>
    protected static string Format(double value) => InvariantText.Format(value);

    /// <summary>A bool as "true" or "false".</summary>
    protected static string Format(bool value) => InvariantText.Format(value);

    /// <summary>Parses an invariant double, naming the key on failure.</summary>
    protected static double ParseDouble(string key, string value) => InvariantText.ParseDouble(key, value);

    /// <summary>Parses "true" or "false", naming the key on failure.</summary>
    protected static bool ParseBool(string key, string value) => InvariantText.ParseBool(key, value);
}
