using System.Reflection;
using System.Text.Json;
using SegGanLab.Models;
using SegGanLab.Torch;
using SegGanLab.Training;

namespace SegGanLab.Experiments;

/// <summary>
/// A model in options.json: <c>&lt;part&gt;</c> holds its registry name and <c>&lt;part&gt;.&lt;option&gt;</c>
/// each of its options (<c>segmenter.depth</c>, <c>discriminator.label_channels</c>, ...), enough for
/// <see cref="Models.Models.Create"/> to rebuild it. Defaults are the recipe's (channel counts from
/// the data, the recipe's default model) or else the typed factory's parameter defaults.
/// </summary>
internal static class ModelRecord
{
    static readonly PropertyInfo[] Properties = typeof(ModelOptions).GetProperties();

    /// <summary>The options.json entries of <paramref name="model"/>, built from <paramref name="spec"/> for <paramref name="part"/>.</summary>
    public static IEnumerable<OptionValue> Entries(string part, torch.nn.Module model, ModelSpec spec, ModelSpec? recipeDefault, ChannelPlan plan)
    {
        if (ModelDescription.Of(model) is not var (name, options))
        {
            // Not rebuildable from the registry: say what it was, so SavedExperiment can say why it needs the model passed in.
            yield return new OptionValue(part, null, recipeDefault?.RegistryName);
            yield return new OptionValue($"{part}.type", model.GetType().FullName, null);
            yield break;
        }
        yield return new OptionValue(part, name, recipeDefault?.RegistryName);
        var factory = Factory(name);
        foreach (var p in Properties)
        {
            var value = p.GetValue(options) ?? (spec.RegistryName == name ? p.GetValue(spec.Options!) : null);
            if (value is null) continue;
            var fallback = plan.Value(p.Name) is { } planned ? Convert.ChangeType(planned, Nullable.GetUnderlyingType(p.PropertyType)!)
                : recipeDefault?.RegistryName == name && p.GetValue(recipeDefault.Options!) is { } d ? d
                : FactoryDefault(factory, p.Name);
            yield return new OptionValue($"{part}.{OptionNames.Snake(p.Name)}", OptionNames.Json(value), OptionNames.Json(fallback));
        }
    }

    /// <summary>Rebuilds the spec recorded under <paramref name="part"/>, or explains why it cannot.</summary>
    public static ModelSpec Read(IReadOnlyDictionary<string, JsonElement> values, string part, string file)
    {
        if (!values.TryGetValue(part, out var name) || name.ValueKind != JsonValueKind.String)
        {
            var type = values.TryGetValue($"{part}.type", out var t) ? t.ToString() : "unknown";
            throw new SavedExperimentException(file,
                $"its {part} ({type}) is not a registered model, so options.json cannot rebuild it: pass the model to SavedExperiment.Load(folder, {part}: new ...) " +
                "built exactly as in the run");
        }
        var options = new ModelOptions();
        foreach (var p in Properties)
        {
            // Backbone weights come from the checkpoint, not from the pretrained file the run started from.
            if (p.Name is nameof(ModelOptions.BackboneWeights) || !values.TryGetValue($"{part}.{OptionNames.Snake(p.Name)}", out var v) || v.ValueKind == JsonValueKind.Null) continue;
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            object parsed = type.IsEnum ? Enum.Parse(type, v.GetString()!)
                : type == typeof(string) ? v.GetString()!
                : type == typeof(bool) ? v.GetBoolean()
                : Convert.ChangeType(v.GetDouble(), type);
            p.SetValue(options, parsed);
        }
        return ModelSpec.Named(name.GetString()!, options);
    }

    /// <summary>The typed factory of Models.Models that builds what <paramref name="registryName"/> builds (the overload with the most parameters).</summary>
    static MethodInfo? Factory(string registryName)
    {
        var type = Models.Models.Catalog.First(i => i.Name == registryName).ModelType;
        return typeof(Models.Models).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == type)
            .MaxBy(m => m.GetParameters().Length);
    }

    static object? FactoryDefault(MethodInfo? factory, string option)
    {
        var camel = char.ToLowerInvariant(option[0]) + option[1..];
        var parameter = factory?.GetParameters().FirstOrDefault(p => p.Name == camel && p.HasDefaultValue);
        return parameter?.DefaultValue;
    }
}
