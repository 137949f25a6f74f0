using SegGanLab.Tests.Golden;
using SegGanLab.Torch;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Models.Tests.Support;

/// <summary>
/// The deterministic fill of tests/golden/make_models_golden.py: state-dict entry number i (batch-norm
/// counters not counted) gets sin(0.37 k + 1.618 (i + 1)) over its flat index k, shaped per role
/// (running variances positive, norm scales near 1, small biases, weights scaled by 2/√fan_in).
/// Same LibTorch ops in the same order as the script, so both sides hold the same numbers.
/// </summary>
public static class FormulaWeights
{
    /// <summary>Converts <paramref name="model"/> to float64 and fills it, after checking its state against the case's (count, order, shapes).</summary>
    public static void Fill(nn.Module model, GoldenCase golden)
    {
        model.to(ScalarType.Float64);
        var expected = golden.Param("state").EnumerateArray()
            .Select(e => (name: e[0].GetString()!, shape: e[1].EnumerateArray().Select(d => d.GetInt64()).ToArray())).ToList();
        var state = model.state_dict();
        try
        {
            var own = state.Where(p => !p.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList();
            Assert.True(expected.Count == own.Count,
                $"{golden.Name}: the reference has {expected.Count} parameters and buffers, {model.Name} has {own.Count}:\n" +
                $"  reference: {string.Join(", ", expected.Select(e => e.name))}\n  ours: {string.Join(", ", own.Select(p => p.Key))}");
            using var _ = no_grad();
            for (var i = 0; i < own.Count; i++)
            {
                var (name, tensor) = own[i];
                Assert.True(expected[i].shape.SequenceEqual(tensor.shape),
                    $"{golden.Name}: entry {i} is {name} [{string.Join(", ", tensor.shape)}] here but {expected[i].name} [{string.Join(", ", expected[i].shape)}] in the reference");
                using var values = Formula(name, tensor.shape, i);
                tensor.copy_(values);
            }
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }

    /// <summary>The script's formula for entry <paramref name="index"/>.</summary>
    static Tensor Formula(string name, long[] shape, int index)
    {
        using var scope = NewDisposeScope();
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var v = arange(0, n, dtype: ScalarType.Float64).mul(0.37).add((index + 1) * 1.618).sin();
        var last = name[(name.LastIndexOf('.') + 1)..];
        if (last == "running_var") v = v.mul(0.5).mul(v).add(1);
        else if (last == "running_mean") v = v.mul(0.1);
        else if (shape.Length == 1 && last == "weight") v = v.mul(0.2).add(1);
        else if (shape.Length == 1) v = v.mul(0.1);
        else v = v.mul(Math.Sqrt(4.0 / ((double)n / shape[0])));
        return scope.MoveToOuter(v.reshape(shape));
    }

    /// <summary>The script's input: sin(0.91 k + 0.5) over the flat index, float64.</summary>
    public static Tensor Input(params long[] shape)
    {
        using var scope = NewDisposeScope();
        var n = shape.Aggregate(1L, (a, b) => a * b);
        return scope.MoveToOuter(arange(0, n, dtype: ScalarType.Float64).mul(0.91).add(0.5).sin().reshape(shape));
    }
}
