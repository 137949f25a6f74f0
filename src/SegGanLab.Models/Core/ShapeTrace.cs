using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models;

/// <summary>
/// Records the output shape of every submodule a model runs, for <see cref="ModelSummary"/>.
/// Models call their children through <see cref="Run"/>; while no trace is open on the thread it
/// is a plain <c>forward</c>, so training pays one null check. A traced <see cref="Sequential"/>
/// is stepped layer by layer so that its leaves get shapes too.
/// </summary>
internal static class ShapeTrace
{
    [ThreadStatic] static Dictionary<nn.Module, List<long[]>>? _shapes;

    /// <summary>Runs <paramref name="module"/> on <paramref name="input"/>, recording the output shape when tracing.</summary>
    internal static Tensor Run(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        if (_shapes is null) return module.forward(input);
        var output = module is Sequential sequential ? Chain(sequential, input) : module.forward(input);
        Record(module, output);
        return output;
    }

    /// <summary>Records an output of <paramref name="module"/> computed without <see cref="Run"/> (tuple results, pooling with indices).</summary>
    internal static void Record(nn.Module module, Tensor output)
    {
        if (_shapes is null) return;
        if (!_shapes.TryGetValue(module, out var list)) _shapes[module] = list = [];
        list.Add(output.shape);
    }

    /// <summary>Opens a trace on this thread; the returned scope closes it and holds what was recorded.</summary>
    internal static Scope Begin()
    {
        if (_shapes is not null) throw new InvalidOperationException("A model summary is already being traced on this thread.");
        _shapes = new Dictionary<nn.Module, List<long[]>>(ReferenceEqualityComparer.Instance);
        return new Scope(_shapes);
    }

    // Same semantics as Sequential.forward (intermediates freed as soon as the next layer used them).
    static Tensor Chain(Sequential sequential, Tensor input)
    {
        if (sequential.Count == 0) return input.alias();
        var x = Run(sequential[0], input);
        for (var k = 1; k < sequential.Count; k++)
        {
            var next = Run(sequential[k], x);
            if (!ReferenceEquals(next, x)) x.Dispose();
            x = next;
        }
        return x;
    }

    /// <summary>An open trace: the shapes recorded per module (last call last).</summary>
    internal sealed class Scope(Dictionary<nn.Module, List<long[]>> shapes) : IDisposable
    {
        /// <summary>Every recorded output shape of each module, in call order.</summary>
        internal IReadOnlyDictionary<nn.Module, List<long[]>> Shapes => shapes;

        /// <summary>Closes the trace.</summary>
        public void Dispose() => _shapes = null;
    }
}
