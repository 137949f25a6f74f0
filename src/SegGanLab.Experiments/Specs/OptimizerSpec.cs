using System.Globalization;
using SegGanLab.Torch;
using SegGanLab.Training;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Experiments;

/// <summary>
/// An optimizer by kind and the hyper-parameters set on it; the rest are PyTorch's defaults (as
/// <c>torch.optim</c>'s factories have them). Bare names in scripts: <c>Adam(lr: 2e-4, betas: (0.5, 0.999))</c>,
/// <c>SGD(lr: 0.01, momentum: 0.9)</c>, <c>AdamW()</c>.
/// </summary>
public sealed record OptimizerSpec
{
    OptimizerSpec(string kind, IReadOnlyDictionary<string, string> settings) => (Kind, Settings) = (kind, settings);

    /// <summary><c>adam</c>, <c>adamw</c> or <c>sgd</c>.</summary>
    public string Kind { get; }

    /// <summary>The hyper-parameters set, as <see cref="OptimizerOptions.SetScalar"/> reads them (<c>lr</c>, <c>betas</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Adam (PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), no weight decay).</summary>
    public static OptimizerSpec Adam(double? lr = null, (double Beta1, double Beta2)? betas = null, double? weightDecay = null, double? eps = null) =>
        new("adam", Set(lr, betas, weightDecay, eps));

    /// <summary>AdamW (PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), weight decay 1e-2).</summary>
    public static OptimizerSpec AdamW(double? lr = null, (double Beta1, double Beta2)? betas = null, double? weightDecay = null, double? eps = null) =>
        new("adamw", Set(lr, betas, weightDecay, eps));

    /// <summary>SGD; as in PyTorch the learning rate has no default.</summary>
    public static OptimizerSpec SGD(double lr, double? momentum = null, double? weightDecay = null, bool? nesterov = null)
    {
        var settings = Set(lr, null, weightDecay, null);
        if (momentum is { } m) settings["momentum"] = Text(m);
        if (nesterov is { } n) settings["nesterov"] = n ? "true" : "false";
        return new("sgd", settings);
    }

    /// <summary>Builds the optimizer over <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">For an invalid value (a negative learning rate, ...), naming it.</exception>
    internal Optimizer Create(IEnumerable<Tensor> parameters)
    {
        var groups = new[] { new ParamGroup(parameters) };
        var options = Options();
        return Kind switch
        {
            "adam" => new Adam(groups, (AdamOptions)options),
            "adamw" => new AdamW(groups, (AdamOptions)options),
            _ => new SGD(groups, (SGDOptions)options),
        };
    }

    /// <summary>Every hyper-parameter with its value: the factory's defaults overridden by <see cref="Settings"/>.</summary>
    internal OptimizerOptions Options()
    {
        // A throwaway optimizer over one scalar gives the factory's defaults (AdamW's weight decay lives only there).
        using var probe = torch.zeros(1).requires_grad_();
        using var factory = Kind switch
        {
            "adam" => (Optimizer)optim.Adam([probe]),
            "adamw" => optim.AdamW([probe]),
            _ => optim.SGD([probe], lr: 0),
        };
        var options = factory.defaults with { };
        foreach (var (key, value) in Settings) options.SetScalar(key, value);
        options.Validate();
        return options;
    }

    /// <summary>The options.json entries: <c>&lt;part&gt;</c> = kind, <c>&lt;part&gt;.&lt;hyper-parameter&gt;</c> = value, against <paramref name="recipeDefault"/>.</summary>
    internal IEnumerable<OptionValue> Entries(string part, OptimizerSpec recipeDefault)
    {
        yield return new OptionValue(part, Kind, recipeDefault.Kind);
        var defaults = recipeDefault.Kind == Kind ? recipeDefault.Options().ToScalars().ToDictionary() : [];
        foreach (var (key, value) in Options().ToScalars())
            yield return new OptionValue($"{part}.{key}", Json(value), defaults.TryGetValue(key, out var d) ? Json(d) : null);
    }

    /// <summary><c>adam(lr: 0.0002, betas: 0.5,0.999)</c>.</summary>
    public override string ToString() => Settings.Count == 0 ? Kind : $"{Kind}({string.Join(", ", Settings.Select(s => $"{s.Key}: {s.Value}"))})";

    static Dictionary<string, string> Set(double? lr, (double, double)? betas, double? weightDecay, double? eps)
    {
        var s = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lr is { } l) s["lr"] = Text(l);
        if (betas is var (b1, b2)) s["betas"] = $"{Text(b1)},{Text(b2)}";
        if (weightDecay is { } w) s["weight_decay"] = Text(w);
        if (eps is { } e) s["eps"] = Text(e);
        return s;
    }

    static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    // Numbers as numbers, flags as booleans, lists (betas) as arrays of numbers.
    static object Json(string scalar)
    {
        if (bool.TryParse(scalar, out var b)) return b;
        var parts = scalar.Split(',');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToArray();
        if (numbers.Any(n => n is null)) return scalar;
        return parts.Length == 1 ? numbers[0]! : numbers.Select(n => n!.Value).ToArray();
    }

    /// <summary>Equal kinds and settings.</summary>
    public bool Equals(OptimizerSpec? other) =>
        other is not null && Kind == other.Kind && Settings.Count == other.Settings.Count && Settings.All(s => other.Settings.TryGetValue(s.Key, out var v) && v == s.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Settings.Count);
}
