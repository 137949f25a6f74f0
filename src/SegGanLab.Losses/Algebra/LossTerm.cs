using SegGanLab.Torch;

namespace SegGanLab.Losses;

/// <summary>
/// One named loss (<c>dice</c>, <c>adv</c>, <c>perceptual</c>, ...): an expression of one term with
/// weight 1, so it combines with <c>+</c> and <c>*</c>. A term declares what it reads from the
/// <see cref="LossContext"/> (<see cref="Requirements"/>) and computes an unweighted scalar from it.
/// </summary>
public abstract class LossTerm : LossExpression
{
    readonly WeightedTerm[] _self;

    /// <summary>Creates a term named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">When the name is empty or holds '/' or whitespace (it becomes part of log keys such as <c>G/dice</c>).</exception>
    protected LossTerm(string name)
    {
        CheckName(name);
        Name = name;
        _self = [new WeightedTerm(this, 1)];
    }

    /// <summary>The name in logs and plots (<c>G/&lt;name&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>What the term reads from the context, and the one segmentation mode it supports, if any.</summary>
    public abstract LossRequirements Requirements { get; }

    /// <inheritdoc/>
    public sealed override IReadOnlyList<WeightedTerm> Terms => _self;

    /// <summary>
    /// The unweighted value of this term on <paramref name="context"/>, a scalar tensor.
    /// <see cref="LossExpression.Evaluate"/> has already checked that the context provides
    /// <see cref="Requirements"/>; it runs this inside its dispose scope.
    /// </summary>
    public abstract Tensor Compute(LossContext context);

    /// <summary>This term under another name (e.g. two Dice terms with different class weights).</summary>
    public LossTerm Named(string name) => new RenamedTerm(name, this);

    /// <summary>The name and configuration, e.g. <c>dice(mode: auto, smooth: 0, ...)</c>; equal descriptions mean equal terms.</summary>
    public string Describe() => $"{Name}({Configuration})";

    /// <summary>The options that make this term what it is, as text ("smooth: 1, ignore_index: 255").</summary>
    protected virtual string Configuration => "";

    /// <summary>
    /// Problems specific to this term's configuration in <paramref name="setup"/> (class weights for
    /// another class count, a missing weights file), beyond missing inputs and unsupported modes.
    /// </summary>
    protected virtual IEnumerable<string> ConfigurationProblems(LossSetup setup) => [];

    /// <summary>Frees native resources the term loaded itself (see <see cref="LossExpression.Dispose"/>); nothing by default.</summary>
    protected internal virtual void ReleaseResources() { }

    /// <summary>True when both are this term or configured identically under the same name.</summary>
    internal bool SameAs(LossTerm other) => ReferenceEquals(this, other) || (GetType() == other.GetType() && Describe() == other.Describe());

    /// <summary>Every problem this term has with <paramref name="setup"/>.</summary>
    internal IEnumerable<string> Problems(LossSetup setup)
    {
        var r = Requirements;
        var missing = r.Inputs & ~setup.Provided;
        if (missing != LossInputs.None)
            yield return $"loss term '{Name}' needs {LossInputsText.Describe(missing)}, which this training set-up does not provide";
        if (r.OnlyMode is { } only && setup.Mode is { } mode && only != mode)
            yield return ModeProblem(only, setup.Classes!.Value);
        foreach (var p in ConfigurationProblems(setup)) yield return p;
    }

    /// <summary>What the context lacks for this term (inputs and mode), cheaply: no device synchronisation.</summary>
    internal IEnumerable<string> Missing(LossContext context)
    {
        var r = Requirements;
        var missing = r.Inputs & ~context.Provided;
        if (missing != LossInputs.None)
            yield return $"loss term '{Name}' needs {LossInputsText.Describe(missing)}, but the loss context has none: {LossContext.HowToProvide(missing)}";
        if (r.OnlyMode is { } only && context.Logits is { } logits && logits.dim() >= 2)
        {
            var channels = logits.size(1);
            var mode = channels == 1 ? SegmentationMode.Binary : SegmentationMode.Multiclass;
            if (mode != only) yield return ModeProblem(only, channels);
        }
    }

    string ModeProblem(SegmentationMode only, long channels) => only == SegmentationMode.Binary
        ? $"loss term '{Name}' works on binary (single-channel sigmoid) logits only, but the model has {channels} logit channels: use a multiclass loss such as Loss.CrossEntropy() or Loss.Dice"
        : $"loss term '{Name}' needs multiclass logits (two or more channels), but the model has {channels}: use a binary loss such as Loss.Bce or Loss.Dice, or give the model two output channels";

    static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c == '/' || char.IsWhiteSpace(c)))
            throw new ArgumentException($"'{name}' is not a valid loss term name: use a non-empty name without '/' or spaces (it becomes a log key such as G/{name}).", nameof(name));
    }

    /// <summary>A term under another name; everything else is the inner term's.</summary>
    sealed class RenamedTerm(string name, LossTerm inner) : LossTerm(name)
    {
        public override LossRequirements Requirements => inner.Requirements;
        public override Tensor Compute(LossContext context) => inner.Compute(context);
        protected override string Configuration => inner.Describe();
        protected override IEnumerable<string> ConfigurationProblems(LossSetup setup) => inner.ConfigurationProblems(setup);
        protected internal override void ReleaseResources() => inner.ReleaseResources();
    }
}
