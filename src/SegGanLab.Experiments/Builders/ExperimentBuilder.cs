using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Torch;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// The verbs every experiment has. Each sets one thing and returns a new builder (the builder is
/// immutable, so a configured experiment can branch into variants); nothing is checked or built
/// until a terminal verb (<see cref="Summary"/>, <see cref="Run"/>, <see cref="Resume"/>,
/// <see cref="Evaluate(DataSpec?, string)"/>, <see cref="Predict"/>), which reports every problem at once
/// in an <see cref="ExperimentConfigurationException"/>. Unset options take the recipe's defaults;
/// options.json records each with its default.
/// </summary>
/// <typeparam name="TSelf">The recipe's builder, returned by every verb.</typeparam>
public abstract partial class ExperimentBuilder<TSelf> where TSelf : ExperimentBuilder<TSelf>
{
    private protected ExperimentBuilder(ExperimentSettings settings) => Settings = settings;

    internal ExperimentSettings Settings { get; }

    /// <summary>A builder of this recipe over <paramref name="settings"/>.</summary>
    private protected abstract TSelf With(ExperimentSettings settings);

    /// <summary>The data: <c>Synthetic()</c>, <c>CamVid(path)</c>, <c>Membrane(path)</c>, <c>Folder(path)</c>, ... with their augmentation.</summary>
    public TSelf Data(DataSpec data) => With(Settings with { Data = data ?? throw new ArgumentNullException(nameof(data)) });

    /// <summary>Datasets built in code (<paramref name="val"/> null: no evaluation data).</summary>
    public TSelf Data(SegmentationDataset train, SegmentationDataset? val = null) => Data(DataSpec.FromDatasets(train, val));

    /// <summary>The segmenter: a model name (<c>UNet</c>, <c>UNet(depth: 3)</c>) whose classes come from the data.</summary>
    public TSelf Segmenter(ModelSpec model) => Model("segmenter", model);

    /// <summary>The segmenter as a model you built (<c>Models.UNet(numClasses: 6)</c>); it is checked against the data and trained in place.</summary>
    public TSelf Segmenter(torch.nn.Module model) => Model("segmenter", ModelSpec.FromModule(model));

    /// <summary>The segmenter from a factory method group (<c>UNet</c>, <c>Models.SegNet</c>), called with its defaults and the data's channel counts.</summary>
    public TSelf Segmenter(Delegate factory) => Model("segmenter", ModelSpec.FromFactory(factory));

    /// <summary>The generator (for adversarial segmentation, the segmenter), as a model name.</summary>
    public TSelf Generator(ModelSpec model) => Model("generator", model);

    /// <summary>The generator as a model you built; it is checked against the data and trained in place.</summary>
    public TSelf Generator(torch.nn.Module model) => Model("generator", ModelSpec.FromModule(model));

    /// <summary>The generator from a factory method group (<c>UNet</c>), called with its defaults and the data's channel counts.</summary>
    public TSelf Generator(Delegate factory) => Model("generator", ModelSpec.FromFactory(factory));

    /// <summary>The discriminator, as a model name (<c>PatchGan</c>); its channels come from the data and the generator.</summary>
    public TSelf Discriminator(ModelSpec model) => Model("discriminator", model);

    /// <summary>The discriminator as a model you built; it is checked against the generator.</summary>
    public TSelf Discriminator(torch.nn.Module model) => Model("discriminator", ModelSpec.FromModule(model));

    /// <summary>The discriminator from a factory method group (<c>PatchGan</c>).</summary>
    public TSelf Discriminator(Delegate factory) => Model("discriminator", ModelSpec.FromFactory(factory));

    /// <summary>The segmenter's (generator's) loss: <c>CE + Dice</c>, <c>Dice + 0.01 * Adv</c>, ...</summary>
    public TSelf Loss(LossExpression loss) => With(Settings with { Loss = loss ?? throw new ArgumentNullException(nameof(loss)) });

    /// <summary>The discriminator's loss (default: <c>Loss.Discriminator</c> in the mode of the adversarial term).</summary>
    public TSelf DiscriminatorLoss(LossExpression loss) => With(Settings with { DiscriminatorLoss = loss ?? throw new ArgumentNullException(nameof(loss)) });

    /// <summary>The segmenter's (generator's) optimizer: <c>Adam(lr: 1e-3)</c>, <c>SGD(lr: 0.01, momentum: 0.9)</c>.</summary>
    public TSelf Optimizer(OptimizerSpec optimizer) => With(Settings with { Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer)) });

    /// <summary>The discriminator's optimizer.</summary>
    public TSelf DiscriminatorOptimizer(OptimizerSpec optimizer) => With(Settings with { DiscriminatorOptimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer)) });

    /// <summary>The learning-rate schedule of every optimizer: <c>Poly()</c>, <c>Cosine()</c>, <c>LinearDecay()</c>, <c>Warmup(500, Cosine())</c>.</summary>
    public TSelf Schedule(ScheduleSpec schedule) => With(Settings with { Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule)) });

    /// <summary>Train for <paramref name="steps"/> optimisation steps (a GAN step is one generator update).</summary>
    public TSelf Steps(long steps) => With(Settings with { Steps = steps, Epochs = null });

    /// <summary>Train for <paramref name="epochs"/> passes over the training data (rounded up to whole steps).</summary>
    public TSelf Epochs(double epochs) => With(Settings with { Epochs = epochs, Steps = null });

    /// <summary>Samples per batch.</summary>
    public TSelf Batch(int size) => With(Settings with { Batch = size });

    /// <summary>The seed of the weights' initialisation, the data order and augmentation.</summary>
    public TSelf Seed(long seed) => With(Settings with { Seed = seed });

    /// <summary>Where to train: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public TSelf Device(string device) => With(Settings with { Device = device ?? throw new ArgumentNullException(nameof(device)) });

    /// <summary>Evaluate on the validation data every <paramref name="every"/> steps (and always after the last).</summary>
    public TSelf Evaluate(long every) => With(Settings with { EvaluateEvery = every });

    /// <summary>Write <c>checkpoints/last.safetensors</c> every <paramref name="every"/> steps (and always at the end).</summary>
    public TSelf Checkpoint(long every) => With(Settings with { CheckpointEvery = every });

    /// <summary>The run's name: the run folder is <c>runs/&lt;name&gt;-&lt;timestamp&gt;</c> (default: the script's name, else the recipe's).</summary>
    public TSelf Name(string name) => With(Settings with { Name = name ?? throw new ArgumentNullException(nameof(name)) });

    /// <summary>Training callbacks (early stopping, logging, ...), in the order they get events.</summary>
    public TSelf Callbacks(params Callback[] callbacks) => With(Settings with { Callbacks = [.. Settings.Callbacks, .. callbacks] });

    /// <summary>
    /// The trained weights <see cref="Evaluate(DataSpec?, string)"/> and <see cref="Predict"/> use: a run folder (its
    /// best checkpoint, else its last) or a checkpoint file. Without it they use this builder's last run.
    /// </summary>
    public TSelf Weights(string runFolderOrCheckpoint) => With(Settings with { Weights = runFolderOrCheckpoint ?? throw new ArgumentNullException(nameof(runFolderOrCheckpoint)) });

    TSelf Model(string verb, ModelSpec spec) => With(Settings with { Models = Settings.Models.SetItem(verb, spec ?? throw new ArgumentNullException(nameof(spec))) });

    /// <summary>The verbs that set a model, in the recipe's role order (the settings' dictionary has no order), then any the recipe does not take.</summary>
    IEnumerable<string> ModelVerbs()
    {
        var known = Roles.SelectMany(r => r.Verbs).Where(Settings.Models.ContainsKey).ToList();
        return known.Concat(Settings.Models.Keys.Except(known).Order(StringComparer.Ordinal));
    }

    /// <summary>The recipe and the options set so far.</summary>
    public override string ToString() => $"{RecipeName} experiment{(Settings.Name is { } n ? $" '{n}'" : "")}" +
        (Settings.Data is { } d ? $", data {d}" : "") + string.Concat(ModelVerbs().Select(v => $", {v} {Settings.Models[v]}")) +
        (Settings.Loss is { } l ? $", loss {l}" : "");
}
