using System.Reflection;
using SegGanLab.Models;
using SegGanLab.Torch;

namespace SegGanLab.Experiments;

/// <summary>
/// How an experiment gets one of its models. Three kinds: a registry name with options
/// (<see cref="Named"/>, and the bare names <c>UNet</c>, <c>PatchGan</c>, ... of <see cref="ModelSpec"/>'s
/// factories), whose channel and class counts come from the data and the recipe when they are not
/// set; a factory method such as <c>UNet</c> or <c>Models.UNet</c> passed as a method group
/// (<see cref="FromFactory"/>), called with its defaults except for channel parameters it declares
/// (<c>inChannels</c>, <c>numClasses</c>, <c>imageChannels</c>, <c>labelChannels</c>,
/// <c>outChannels</c>), which come from the data; or a model built by the caller
/// (<see cref="FromModule"/>), used as it is, trained in place, and checked against the data.
/// </summary>
public sealed partial class ModelSpec
{
    ModelSpec(string? registryName, ModelOptions? options, Delegate? factory, torch.nn.Module? module) =>
        (RegistryName, Options, Factory, Module) = (registryName, options, factory, module);

    /// <summary>The registry name (<c>unet</c>, <c>patchgan</c>, ...) of a named spec; null for factories and modules.</summary>
    public string? RegistryName { get; }

    /// <summary>The options set on a named spec (unset ones take the model's defaults or the data's counts).</summary>
    public ModelOptions? Options { get; }

    /// <summary>The factory of a factory spec.</summary>
    public Delegate? Factory { get; }

    /// <summary>The model of a module spec (owned by the caller; the experiment trains it in place).</summary>
    public torch.nn.Module? Module { get; }

    /// <summary>The model registered as <paramref name="name"/> with <paramref name="options"/> (see <see cref="Models.Models.Catalog"/>).</summary>
    /// <exception cref="UnknownModelException">For a name that is not registered (it suggests the closest).</exception>
    public static ModelSpec Named(string name, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var info = Models.Models.Catalog.FirstOrDefault(i => i.Name == Normalise(name));
        if (info is null) Models.Models.Create(name); // throws UnknownModelException with the suggestion and the valid names
        return new ModelSpec(info!.Name, options ?? new ModelOptions(), null, null);
    }

    /// <summary>A model built by the caller, used as it is (and trained in place).</summary>
    public static ModelSpec FromModule(torch.nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new ModelSpec(null, null, null, module);
    }

    /// <summary>
    /// A model factory passed as a method group (<c>UNet</c>, <c>Models.PatchGan</c>, a method of
    /// your own): every parameter must have a default, and it must return a model or a
    /// <see cref="ModelSpec"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="factory"/> is not such a method; the message says how to pass it instead.</exception>
    public static ModelSpec FromFactory(Delegate factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (FactoryProblem(factory.Method) is { } problem) throw new ArgumentException(problem, nameof(factory));
        return factory.Method.ReturnType == typeof(ModelSpec)
            ? (ModelSpec)Invoke(factory, new ChannelPlan())!
            : new ModelSpec(null, null, factory, null);
    }

    /// <summary>A short description: <c>unet(depth: 3)</c>, <c>factory MyNet</c>, <c>module UNet</c>.</summary>
    public override string ToString() => this switch
    {
        { RegistryName: { } n } => Options!.SetOptions().Any() ? $"{n}({string.Join(", ", Options.SetOptions().Select(o => $"{OptionNames.Snake(o)}: {typeof(ModelOptions).GetProperty(o)!.GetValue(Options)}"))})" : n,
        { Factory: { } f } => $"factory {f.Method.DeclaringType?.Name}.{f.Method.Name}",
        _ => $"module {Module!.GetType().Name}",
    };

    /// <summary>Builds the model, filling the channel counts of <paramref name="plan"/> that the spec leaves open.</summary>
    internal torch.nn.Module Build(ChannelPlan plan)
    {
        if (Module is not null) return Module;
        if (Factory is not null)
            return Invoke(Factory, plan) switch
            {
                torch.nn.Module m => m,
                var other => throw new ArgumentException($"The model factory {Factory.Method.Name} returned {other?.GetType().Name ?? "null"}, not a model."),
            };
        var info = Models.Models.Catalog.First(i => i.Name == RegistryName);
        return Models.Models.Create(RegistryName!, plan.Fill(Options!, Accepted(info)));
    }

    /// <summary>True when the experiment built the model (and so disposes it); false for a caller's module.</summary>
    internal bool OwnsModel => Module is null;

    /// <summary>The <see cref="ModelOptions"/> properties a registered model takes (a multi-scale discriminator also takes its per-scale model's).</summary>
    internal static IReadOnlyList<string> Accepted(ModelInfo info)
    {
        if (info.Name != "multiscale") return info.Options;
        var inner = Models.Models.Catalog.First(i => i.Name == "patchgan");
        return [.. info.Options, .. inner.Options];
    }

    static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    static readonly string[] ChannelParameters = ["inChannels", "numClasses", "outChannels", "imageChannels", "labelChannels", "outputSize"];

    /// <summary>Why <paramref name="method"/> cannot serve as a model factory, or null when it can.</summary>
    internal static string? FactoryProblem(MethodInfo method)
    {
        var name = $"{method.DeclaringType?.Name}.{method.Name}";
        var returns = method.ReturnType;
        if (returns != typeof(ModelSpec) && !typeof(torch.nn.Module).IsAssignableFrom(returns))
            return $"{name} returns {returns.Name}, not a model: pass a model factory such as UNet or PatchGan, a model (Models.UNet()), or a ModelSpec.";
        var required = method.GetParameters().Where(p => !p.HasDefaultValue).Select(p => p.Name).ToList();
        if (required.Count > 0)
            return $"{name} has parameters without defaults ({string.Join(", ", required)}), so it cannot be called with its defaults: call it yourself, e.g. {method.Name}({required[0]}: ...), and pass the model it returns.";
        return null;
    }

    static object? Invoke(Delegate factory, ChannelPlan plan)
    {
        var arguments = factory.Method.GetParameters()
            .Select(p => ChannelParameters.Contains(p.Name) && plan.Value(p.Name!) is { } v ? Convert.ChangeType(v, Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) : p.DefaultValue)
            .ToArray();
        try
        {
            return factory.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
