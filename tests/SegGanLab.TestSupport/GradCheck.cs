using System.Globalization;
using System.Text;
using SegGanLab.Torch;
using Xunit.Sdk;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Tests;

/// <summary>
/// A small torch.autograd.gradcheck: compares the full Jacobian autograd computes for a float64
/// function with central finite differences, (f(x + eps·e_k) - f(x - eps·e_k)) / 2eps, element by
/// element. Meant for small inputs (one backward pass per output element, two forward passes per
/// input element).
/// </summary>
public static class GradCheck
{
    /// <summary>The finite-difference step.</summary>
    public const double DefaultEps = 1e-6;
    /// <summary>Absolute and relative tolerance on every Jacobian entry.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>
    /// Throws <see cref="XunitException"/> listing the worst mismatches when autograd's Jacobian of
    /// <paramref name="f"/> at <paramref name="inputs"/> differs from central differences. The inputs
    /// must be float64; they are copied (the originals are neither modified nor given gradients).
    /// Pick points away from kinks (|x| = 0 for abs, the bounds of clamp, ...): finite differences
    /// straddling a kink are meaningless.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = DefaultEps, double atol = DefaultTolerance,
                             double rtol = DefaultTolerance, string what = "f")
    {
        using var scope = NewDisposeScope();
        foreach (var x in inputs)
            if (x.dtype != ScalarType.Float64)
                throw new ArgumentException($"gradcheck needs float64 inputs, got {x.dtype.ToTorchName()}", nameof(inputs));

        var shapes = inputs.Select(x => x.shape).ToArray();
        var values = inputs.Select(x => x.data<double>()).ToArray();
        var analytical = Analytical(f, values, shapes, out var outShape);
        var m = analytical[0].GetLength(0);

        var report = new StringBuilder();
        var failures = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var n = values[i].Length;
            for (var k = 0; k < n; k++)
            {
                var column = NumericalColumn(f, values, shapes, i, k, eps, m);
                for (var j = 0; j < m; j++)
                {
                    var a = analytical[i][j, k];
                    var num = column[j];
                    if (Math.Abs(a - num) <= atol + rtol * Math.Abs(num)) continue;
                    if (failures++ < 8)
                        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                            $"  d out[{j}] / d input{i}[{k}]: autograd {a:R}, finite differences {num:R}"));
                }
            }
        }
        if (failures > 0)
            throw new XunitException($"gradcheck of {what} failed: {failures} Jacobian entries differ (output shape [{string.Join(", ", outShape)}]):\n{report}");
    }

    /// <summary>Jacobian rows from autograd: one autograd.grad call per output element, with a one-hot grad_output.</summary>
    static double[][,] Analytical(Func<Tensor[], Tensor> f, double[][] values, long[][] shapes, out long[] outShape)
    {
        using var scope = NewDisposeScope();
        var leaves = values.Select((v, i) => tensor(v, shapes[i], requires_grad: true)).ToArray();
        var y = f(leaves);
        if (y.dtype != ScalarType.Float64)
            throw new ArgumentException($"gradcheck needs a float64 result, got {y.dtype.ToTorchName()}");
        outShape = y.shape;
        var m = (int)y.numel();
        var jacobians = values.Select(v => new double[m, v.Length]).ToArray();
        if (!y.requires_grad) return jacobians; // f does not depend on its inputs: all zeros
        for (var j = 0; j < m; j++)
        {
            using var row = NewDisposeScope();
            var oneHot = new double[m];
            oneHot[j] = 1;
            var grads = autograd.grad([y], leaves, [tensor(oneHot, outShape)], retain_graph: true, allow_unused: true);
            for (var i = 0; i < grads.Length; i++)
            {
                if (grads[i] is not { } g) continue;
                var gv = g.data<double>();
                for (var k = 0; k < gv.Length; k++) jacobians[i][j, k] = gv[k];
            }
        }
        return jacobians;
    }

    /// <summary>d f / d input_i[k] for every output element, by central differences.</summary>
    static double[] NumericalColumn(Func<Tensor[], Tensor> f, double[][] values, long[][] shapes, int i, int k, double eps, int m)
    {
        double[] Eval(double delta)
        {
            using var scope = NewDisposeScope();
            var args = values.Select((v, a) =>
            {
                if (a != i) return tensor(v, shapes[a]);
                var shifted = (double[])v.Clone();
                shifted[k] += delta;
                return tensor(shifted, shapes[a]);
            }).ToArray();
            return f(args).data<double>();
        }
        var plus = Eval(eps);
        var minus = Eval(-eps);
        var column = new double[m];
        for (var j = 0; j < m; j++) column[j] = (plus[j] - minus[j]) / (2 * eps);
        return column;
    }
}
