using System.Collections;
using System.Reflection;
using SegGanLab.Plots.Tests.Figures;
using Xunit;

namespace SegGanLab.Plots.Tests.Schema;

public class SchemaTests
{
    static readonly PlotlySchema Schema = PlotlySchema.Load();

    [Fact]
    public void Fixture_IsForTheEmbeddedPlotlyVersion() =>
        Assert.Equal(PlotlyJs.Version, Schema.PlotlyVersion);

    [Fact]
    public void KitchenSink_EveryEmittedAttributeIsInPlotlysSchema()
    {
        var errors = Schema.Validate(KitchenSink.Create().ToJsonObject());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void KitchenSink_SetsEveryAttributeTheModelNames()
    {
        var set = new HashSet<string>();
        Collect(KitchenSink.Create(), set);
        var model = FigureModelTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanWrite && p.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null && p.Name != "EqualityContract")
                .Select(p => $"{t.Name}.{p.Name}")).ToList();
        Assert.Contains("Axis.ScaleAnchor", model);
        Assert.Contains("Heatmap.ZMax", model);
        Assert.Contains("ImageExportOptions.Scale", model);
        var missing = model.Where(m => !set.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "not set in KitchenSink: " + string.Join(", ", missing));
    }

    [Fact]
    public void Validator_RejectsUnknownAttributesAndBadValues()
    {
        var figure = new Figure
        {
            Data = [new Scatter { Opacity = 2, Extra = new Dictionary<string, object> { ["colour"] = "red" } }],
            Layout = new Layout { Extra = new Dictionary<string, object> { ["hovermode"] = "sideways" } },
        }.ToJsonObject();
        var errors = Schema.Validate(figure);
        Assert.Contains(errors, e => e.StartsWith("data[0].opacity:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("data[0].colour: no such plotly attribute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("layout.hovermode:", StringComparison.Ordinal));
    }

    // The types a Figure can serialise: reachable from Figure through property types (lists,
    // dictionaries and OneOrMany unwrapped), with Trace standing for every trace type.
    static List<Type> FigureModelTypes()
    {
        var assembly = typeof(Figure).Assembly;
        var traces = assembly.GetTypes().Where(t => t.IsPublic && typeof(Trace).IsAssignableFrom(t)).ToList();
        var found = new List<Type>();
        var queue = new Queue<Type>([typeof(Figure)]);
        while (queue.TryDequeue(out var type))
        {
            if (found.Contains(type)) continue;
            found.Add(type);
            var next = type == typeof(Trace) ? traces : type.GetProperties().SelectMany(p => Unwrap(p.PropertyType));
            foreach (var t in next.Where(t => t.Assembly == assembly && !t.IsEnum && !t.IsGenericType)) queue.Enqueue(t);
        }
        return found;
    }

    static IEnumerable<Type> Unwrap(Type type) =>
        type.IsArray ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap)
        : [Nullable.GetUnderlyingType(type) ?? type];

    static void Collect(object? node, HashSet<string> set)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum) return;
        if (node is IDictionary dict) { foreach (var v in dict.Values) Collect(v, set); return; }
        if (node is IEnumerable list) { foreach (var v in list) Collect(v, set); return; }
        if (node.GetType().Namespace != "SegGanLab.Plots") return;
        for (var t = node.GetType(); t is not null && t != typeof(object); t = t.BaseType)
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (p.GetIndexParameters().Length > 0) continue;
                var value = p.GetValue(node);
                if (value is null) continue;
                set.Add($"{t.Name}.{p.Name}");
                Collect(value, set);
            }
    }
}
