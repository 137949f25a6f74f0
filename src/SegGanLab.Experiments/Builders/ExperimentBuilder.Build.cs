using SegGanLab.Data;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Torch;
using SegGanLab.Training;
using static SegGanLab.Torch.torch;
using TorchDevice = SegGanLab.Torch.Device;

namespace SegGanLab.Experiments;

/// <summary>What an experiment is built for.</summary>
internal enum BuildPurpose
{
    /// <summary>Training: every part, the whole validation set.</summary>
    Run,
    /// <summary>A dry run: every part, one validation batch, no files.</summary>
    Summary,
}

public abstract partial class ExperimentBuilder<TSelf>
{
    /// <summary>
    /// Checks the settings, opens the data, builds the models (seeded), checks that everything fits,
    /// then creates optimizers, schedulers and the recipe. Every problem found is reported at once.
    /// </summary>
    internal BuiltExperiment Build(BuildPurpose purpose)
    {
        var problems = new ProblemList();
        var s = Settings;
        var scale = StepScale.Read(problems);
        CheckSettings(problems);
        var device = ParseDevice(problems);
        OpenedData? data = null;
        if (s.Data is null) problems.Add("Data", $"{EntryPoint} has no data: add .Data(Synthetic()) for the built-in scenes, or .Data(CamVid(path)), .Data(Folder(path)), ...");
        else if (problems.Try("Data", () => data = s.Data.Open())) data = Arrange(data!, problems);

        var models = new Dictionary<string, nn.Module>(StringComparer.Ordinal);
        var specs = new Dictionary<string, (ModelSpec Spec, ChannelPlan Plan)>(StringComparer.Ordinal);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        var loss = s.Loss is { } given ? RecipeLoss(given) : DefaultLoss;
        SegmentationData? loaders = null;
        DataLoader? unlabelled = null;
        try
        {
            if (data is not null)
            {
                manual_seed(s.Seed);
                foreach (var role in Roles) BuildModel(role, data, models, specs, owned, problems);
                problems.Try("Loss", () => loss.Validate(new LossSetup(ProvidedInputs, (int)data.LogitChannels)));
                if (models.Count == Roles.Count) Check(new BuildState(data, models, loss), problems);
                loaders = Loaders(data, purpose, device ?? TorchDevice.CPU, problems);
                if (loaders is not null && data.Unlabelled is { } images)
                    problems.Try("Unlabelled", () =>
                        unlabelled = new DataLoader(images, data.TrainTransforms, loaders.Train.Options with { Seed = s.Seed + UnlabelledSeedOffset }));
            }
            problems.ThrowIfAny(EntryPoint);
            return Assemble(purpose, data!, loaders!, unlabelled, device!, models, specs, owned, loss, scale);
        }
        catch
        {
            foreach (var role in owned) models[role].Dispose();
            throw;
        }
    }

    void CheckSettings(ProblemList problems)
    {
        var s = Settings;
        foreach (var verb in s.Models.Keys.Where(v => !Roles.Any(r => r.Verbs.Contains(v))))
            problems.Add(Title(verb), $"{EntryPoint} trains no {verb}" + (verb == "discriminator" ? ": use Experiment.Gan() (or SemiSupervised()) for adversarial training." : $"; it takes {string.Join(", ", Roles.SelectMany(r => r.Verbs).Select(v => $".{Title(v)}(...)"))}."));
        foreach (var role in Roles.Where(r => r.Verbs.Count(s.Models.ContainsKey) > 1))
            problems.Add(Title(role.Verbs[0]), $"{string.Join(" and ", role.Verbs.Select(v => $".{Title(v)}(...)"))} set the same model in {EntryPoint}; keep one.");
        if (s.Steps is < 1) problems.Add("Steps", $"Steps({s.Steps}): train for at least 1 step.");
        if (s.Epochs is { } e && !(e > 0)) problems.Add("Epochs", $"Epochs({e}): train for more than 0 epochs.");
        if (s.Batch is < 1) problems.Add("Batch", $"Batch({s.Batch}): a batch holds at least 1 sample (8 is usual on a CPU).");
        if (s.EvaluateEvery is < 1) problems.Add("Evaluate", $"Evaluate(every: {s.EvaluateEvery}): evaluate every 1 or more steps (the last step is always evaluated).");
        if (s.CheckpointEvery is < 1) problems.Add("Checkpoint", $"Checkpoint(every: {s.CheckpointEvery}): checkpoint every 1 or more steps (the last step is always saved).");
        if (s.Name is { } n && (string.IsNullOrWhiteSpace(n) || n.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || n.Contains(' ')))
            problems.Add("Name", $"Name(\"{n}\"): the run folder is named after it, so use a file name without spaces, e.g. \"camvid-unet\".");
        foreach (var role in Roles.Select(r => r.Key).Distinct())
            if (SetOptimizer(role) is { } o)
                problems.Try(OptimizerName(role).Verb, () => o.Options());
    }

    TorchDevice? ParseDevice(ProblemList problems)
    {
        TorchDevice? device = null;
        if (!problems.Try("Device", () => device = TorchDevice.Parse(Settings.Device))) return null;
        if (device!.Type == DeviceType.CUDA && (!cuda.is_available() || device.Index >= cuda.device_count()))
        {
            problems.Add("Device", $"Device(\"{Settings.Device}\"): {(cuda.is_available() ? $"this machine has {cuda.device_count()} CUDA device(s)" : "CUDA is not available (a CPU build of LibTorch, or no GPU)")}; use .Device(\"cpu\"), or build with a CUDA LibTorch (SEGGAN_LIBTORCH).");
            return null;
        }
        return device;
    }

    void BuildModel(ModelRole role, OpenedData data, Dictionary<string, nn.Module> models, Dictionary<string, (ModelSpec, ChannelPlan)> specs,
                    HashSet<string> owned, ProblemList problems)
    {
        var verb = role.Verbs.FirstOrDefault(Settings.Models.ContainsKey);
        var spec = verb is null ? role.Default : Settings.Models[verb];
        verb ??= role.Verbs[0];
        if (spec is null)
        {
            problems.Add(Title(verb), $"{EntryPoint} needs a {verb}: add .{Title(verb)}({ExampleModel(role)}).");
            return;
        }
        var plan = role.Plan(data);
        nn.Module? model = null;
        if (!problems.Try(Title(verb), () => model = spec.Build(plan))) return;
        if (spec.OwnsModel) owned.Add(role.Key);
        models[role.Key] = model!;
        specs[role.Key] = (spec, plan);
        if (!role.ModelType.IsInstanceOfType(model))
        {
            problems.Add(Title(verb), $"{EntryPoint} needs a {role.ModelType.Name} as its {verb}, but {spec} is a {model!.GetType().Name}: {ModelTypeFix(role)}.");
            return;
        }
        if (model is ImageModel image) CheckChannels(Title(verb), image, plan, data, problems);
        if (model is ImageModel sized)
            foreach (var validation in data.Val is null ? [false] : new[] { false, true })
            {
                var (h, w) = data.SampleSize(validation);
                if (!problems.Try(Title(verb), () => sized.CheckShape([1, sized.InChannels, h, w]))) break;
            }
    }

    static void CheckChannels(string verb, ImageModel model, ChannelPlan plan, OpenedData data, ProblemList problems)
    {
        if (plan.InChannels is { } inChannels && model.InChannels != inChannels)
            problems.Add(verb, $"{model.Name} takes {model.InChannels} input channels, but the data's images have {inChannels}: build it with inChannels: {inChannels}.");
        if ((plan.NumClasses ?? plan.OutChannels) is { } outChannels && model.OutChannels != outChannels)
            problems.Add(verb, plan.NumClasses is null
                ? $"{model.Name} produces {model.OutChannels} channels, but {outChannels} are needed: build it with outChannels: {outChannels}."
                : data.Classes.Binary
                    ? $"{model.Name} has {model.OutChannels} output channels, but {data.Train.Name} is binary ({string.Join("/", data.Classes.Names)}): a binary model has 1 logit channel (a sigmoid head); build it with numClasses: 1, or pass the bare name so it follows the data."
                    : $"{model.Name} has {model.OutChannels} output channels, but {data.Train.Name} has {data.Classes.Count} classes ({string.Join(", ", data.Classes.Names.Take(6))}{(data.Classes.Count > 6 ? ", ..." : "")}): build it with numClasses: {data.Classes.Count}, or pass the bare name (UNet) so the classes come from the data.");
    }

    SegmentationData? Loaders(OpenedData data, BuildPurpose purpose, TorchDevice device, ProblemList problems)
    {
        var batch = Settings.Batch ?? new LoaderOptions().BatchSize;
        if (batch < 1) return null;
        var options = new LoaderOptions { BatchSize = batch, Seed = Settings.Seed, DropLast = true, Device = device,
                                     Workers = Settings.Data!.LoaderWorkers ?? new LoaderOptions().Workers };
        SegmentationData? result = null;
        problems.Try("Batch", () =>
        {
            var train = new DataLoader(data.Train, data.TrainTransforms, options);
            DataLoader? val = null;
            if (data.Val is { } v)
            {
                // A dry run evaluates one batch; a run the whole validation set.
                var set = purpose == BuildPurpose.Summary ? new SubsetDataset(v, [.. Enumerable.Range(0, Math.Min(batch, v.Count))]) : v;
                val = new DataLoader(set, data.ValTransforms, options with { Shuffle = false, DropLast = false });
            }
            result = new SegmentationData(train, val);
        });
        return result;
    }

    // The unlabelled images are drawn in their own order, from a seed next to the experiment's.
    const long UnlabelledSeedOffset = 1;

    BuiltExperiment Assemble(BuildPurpose purpose, OpenedData data, SegmentationData loaders, DataLoader? unlabelled, TorchDevice device, Dictionary<string, nn.Module> models,
                             Dictionary<string, (ModelSpec Spec, ChannelPlan Plan)> specs, HashSet<string> owned, LossExpression loss, double scale)
    {
        var s = Settings;
        var requested = s.Steps ?? (s.Epochs is { } e ? (long)Math.Ceiling(e * loaders.Train.BatchesPerEpoch) : new TrainerOptions().Steps);
        var steps = StepScale.Apply(requested, scale);
        var evaluateEvery = s.EvaluateEvery is { } every ? StepScale.Apply(every, scale) : Math.Max(1, steps / 10);
        var checkpointEvery = s.CheckpointEvery is { } c ? StepScale.Apply(c, scale) : evaluateEvery;
        foreach (var m in models.Values) m.to(device);
        var built = new BuiltExperiment
        {
            RecipeName = RecipeName,
            Name = s.Name ?? (ExperimentHost.ScriptPath is { } script ? Path.GetFileNameWithoutExtension(script) : RecipeName),
            Seed = s.Seed,
            Data = data,
            Loaders = loaders,
            Unlabelled = unlabelled,
            Device = device,
            Models = models,
            Specs = specs,
            Owned = owned,
            Loss = loss,
            DiscriminatorLoss = s.DiscriminatorLoss,
            Steps = steps,
            Scale = scale,
            Trainer = new TrainerOptions { Steps = steps, EvaluateEvery = evaluateEvery, CheckpointEvery = checkpointEvery, WriteReport = purpose == BuildPurpose.Run },
        };
        try
        {
            foreach (var role in Roles.Where(r => models[r.Key].parameters().Any()))
            {
                var optimizer = (SetOptimizer(role.Key) ?? DefaultOptimizer(role.Key)).Create(models[role.Key].parameters());
                built.Optimizers[role.Key] = optimizer;
                if (s.Schedule is { } schedule) built.Schedulers[role.Key] = schedule.Create(optimizer, steps, scale);
            }
            built.Options.AddRange(Record(built, requested));
            built.Recipe = CreateRecipe(built);
            return built;
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    static string Title(string verb) => char.ToUpperInvariant(verb[0]) + verb[1..];

    static string ExampleModel(ModelRole role) => role.ModelType == typeof(Models.Discriminator) ? "PatchGan" : "UNet";

    static string ModelTypeFix(ModelRole role) => role.ModelType == typeof(SegmentationModel)
        ? "use a segmenter: UNet, SegNet, SegNetBasic, Fcn8s, DeepLabV3PlusLite (or a model deriving from SegmentationModel)"
        : role.ModelType == typeof(Models.Discriminator) ? "use a discriminator: PatchGan, PixelGan, HungDiscriminator, MultiScale"
        : $"use a model deriving from {role.ModelType.Name}";
}
