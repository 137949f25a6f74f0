using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// The model zoo. The typed factories (<see cref="UNet"/>, <see cref="PatchGan"/>, <see cref="ResNetGenerator"/>, ...)
/// are the primary API; <see cref="Create"/> builds the same models by registry name
/// ("unet", "unet_256", "segnet", "fcn8s", "patchgan", ...) with <see cref="ModelOptions"/>, for
/// configuration files and the command line.
/// </summary>
/// <remarks>
/// Code in another SegGanLab.* namespace sees the namespace SegGanLab.Models before this class;
/// write <c>using static SegGanLab.Models.Models;</c> and call the factories by their bare names.
/// </remarks>
public static partial class Models
{
    /// <summary>Every registered name with what it builds and the options it takes.</summary>
    public static IReadOnlyList<ModelInfo> Catalog { get; } = [.. ModelRegistry.Entries.Select(e => e.Info)];

    /// <summary>Every registered name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Catalog.Select(i => i.Name)];

    /// <summary>
    /// Builds the model registered as <paramref name="name"/> (case and '-' vs '_' do not matter).
    /// An unknown name throws <see cref="UnknownModelException"/> with the closest name and the valid
    /// ones; an option the model does not use throws <see cref="ModelOptionsException"/>.
    /// <see cref="ModelOptions.Init"/> re-initialises the weights (pix2pix's init_weights).
    /// </summary>
    public static nn.Module Create(string name, ModelOptions? options = null)
    {
        var entry = ModelRegistry.Find(name);
        options ??= new ModelOptions();
        ModelRegistry.CheckApplicable(entry.Info, options, entry.Info.ModelType == typeof(MultiScaleDiscriminator) ? [.. AllOptions] : entry.Info.Options);
        if (options.InitGain is not null && options.Init is null or WeightInit.Default)
            throw new ModelOptionsException(nameof(ModelOptions.InitGain), $"InitGain only applies with an Init other than Default; '{entry.Info.Name}' was given InitGain {options.InitGain} without one.");
        var model = entry.Build(options);
        return options.Init is { } init ? model.InitWeights(init, options.InitGain ?? ModelInit.DefaultGain) : model;
    }

    /// <summary>
    /// <see cref="Create"/>, typed: <c>Create&lt;SegmentationModel&gt;("unet")</c>. Throws
    /// <see cref="ModelOptionsException"/> before building when the name builds another kind of model.
    /// </summary>
    public static TModel Create<TModel>(string name, ModelOptions? options = null) where TModel : nn.Module
    {
        var info = ModelRegistry.Find(name).Info;
        if (!typeof(TModel).IsAssignableFrom(info.ModelType))
            throw new ModelOptionsException(nameof(name), $"'{info.Name}' builds a {info.ModelType.Name} ({info.Kind}), not a {typeof(TModel).Name}; registered {typeof(TModel).Name}s: " +
                                                          string.Join(", ", Catalog.Where(i => typeof(TModel).IsAssignableFrom(i.ModelType)).Select(i => i.Name)) + ".");
        return (TModel)Create(name, options);
    }

    // The multi-scale entry checks its options itself, against its per-scale discriminator's.
    static IEnumerable<string> AllOptions => typeof(ModelOptions).GetProperties().Select(p => p.Name);
}
