using System.Globalization;
using System.Text;
using SegGanLab.Torch;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>One row of a <see cref="ModelSummary"/>: a module of the tree with its output shape and parameter count.</summary>
/// <param name="Path">Dotted path from the model ("encoder.0.conv1"); empty for the model itself.</param>
/// <param name="Type">The module's type name (Conv2d, Sequential, UNet, ...).</param>
/// <param name="Depth">0 for the model, 1 for its children, ...</param>
/// <param name="OutputShapes">The shape of each output the module produced in the traced forward pass (empty when not called directly).</param>
/// <param name="Parameters">Parameter elements of the module and its descendants.</param>
/// <param name="TrainableParameters">The trainable part of <paramref name="Parameters"/>.</param>
public sealed record SummaryRow(string Path, string Type, int Depth, IReadOnlyList<long[]> OutputShapes, long Parameters, long TrainableParameters)
{
    /// <summary>The last output shape as "[1, 64, 32, 32]" (several outputs joined by "; "), or "" when none was recorded.</summary>
    public string OutputShape => string.Join("; ", OutputShapes.Select(ModelSummary.Format));
}

/// <summary>
/// A torchinfo/Keras-style summary of a model: its module tree down to a depth, each module's output
/// shape for one traced forward pass at a given input size, and parameter counts. Printable with
/// <see cref="ToString"/>; the rows are plain records for notebooks and reports.
/// </summary>
public sealed class ModelSummary
{
    ModelSummary(string model, long[] inputShape, IReadOnlyList<long[]> outputShapes, IReadOnlyList<SummaryRow> rows, long total, long trainable, long buffers)
    {
        Model = model;
        InputShape = inputShape;
        OutputShapes = outputShapes;
        Rows = rows;
        TotalParameters = total;
        TrainableParameters = trainable;
        BufferElements = buffers;
    }

    /// <summary>The model's type name.</summary>
    public string Model { get; }
    /// <summary>The traced input shape.</summary>
    public long[] InputShape { get; }
    /// <summary>The shapes of the model's outputs.</summary>
    public IReadOnlyList<long[]> OutputShapes { get; }
    /// <summary>The module tree in pre-order, down to the requested depth.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }
    /// <summary>All parameter elements.</summary>
    public long TotalParameters { get; }
    /// <summary>Parameter elements that require gradients.</summary>
    public long TrainableParameters { get; }
    /// <summary>Buffer elements (batch-norm statistics, ...).</summary>
    public long BufferElements { get; }

    /// <summary>
    /// Traces one forward pass of <paramref name="model"/> on zeros of <paramref name="inputShape"/>, in
    /// evaluation mode and without gradients (each module's training flag is restored afterwards).
    /// </summary>
    internal static ModelSummary Trace(nn.Module model, long[] inputShape, Func<Tensor, IEnumerable<Tensor>> run, int depth)
    {
        if (depth < 0) throw new ModelOptionsException("depth", $"{model.Name} summary: depth must be 0 or more; got {depth}.");
        var modes = model.modules().Select(m => (m, m.training)).ToList();
        var first = model.parameters().FirstOrDefault();
        IReadOnlyList<long[]> outputs;
        ShapeTrace.Scope trace;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            using var input = zeros(inputShape, first?.dtype, first?.device);
            using (trace = ShapeTrace.Begin())
                outputs = run(input).Select(o => o.shape).ToList();
        }
        finally
        {
            // Pre-order: a child's own flag is set after its parent's recursive train() and wins.
            foreach (var (m, mode) in modes) m.train(mode);
        }
        var rows = new List<SummaryRow>();
        Collect(model, "", 0, depth, trace.Shapes, outputs, rows);
        return new ModelSummary(model.Name, inputShape, outputs, rows, model.parameter_count(), model.parameter_count(trainableOnly: true),
                                model.buffers().Sum(b => b.numel()));
    }

    static void Collect(nn.Module module, string path, int level, int depth, IReadOnlyDictionary<nn.Module, List<long[]>> shapes,
                        IReadOnlyList<long[]> rootOutputs, List<SummaryRow> rows)
    {
        IReadOnlyList<long[]> recorded = level == 0 ? rootOutputs : shapes.TryGetValue(module, out var s) ? [s[^1]] : [];
        rows.Add(new SummaryRow(path, module.Name, level, recorded, module.parameter_count(), module.parameter_count(trainableOnly: true)));
        if (level == depth) return;
        foreach (var (name, child) in module.named_children())
            Collect(child, path.Length == 0 ? name : path + "." + name, level + 1, depth, shapes, rootOutputs, rows);
    }

    /// <summary>"[1, 3, 64, 64]".</summary>
    internal static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The table: one indented line per module, then the totals.</summary>
    public override string ToString()
    {
        var labels = Rows.Select(r => new string(' ', 2 * r.Depth) + (r.Depth == 0 ? r.Type : $"{r.Path[(r.Path.LastIndexOf('.') + 1)..]} ({r.Type})")).ToList();
        var w0 = Math.Max("Layer (type)".Length, labels.Max(l => l.Length));
        var w1 = Math.Max("Output shape".Length, Rows.Max(r => r.OutputShape.Length));
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{Model}: input {Format(InputShape)} -> output {string.Join("; ", OutputShapes.Select(Format))}\n");
        sb.Append(inv, $"{"Layer (type)".PadRight(w0)}  {"Output shape".PadRight(w1)}  {"Params",14}\n");
        sb.Append('-', w0 + w1 + 18).Append('\n');
        for (var k = 0; k < Rows.Count; k++)
            sb.Append(inv, $"{labels[k].PadRight(w0)}  {Rows[k].OutputShape.PadRight(w1)}  {Rows[k].Parameters,14:N0}\n");
        sb.Append('-', w0 + w1 + 18).Append('\n');
        sb.Append(inv, $"Total params: {TotalParameters:N0} ({TotalParameters * 4 / 1048576.0:F2} MB as float32)\n");
        sb.Append(inv, $"Trainable params: {TrainableParameters:N0}\n");
        sb.Append(inv, $"Non-trainable params: {TotalParameters - TrainableParameters:N0}\n");
        sb.Append(inv, $"Buffer elements: {BufferElements:N0}");
        return sb.ToString();
    }
}
