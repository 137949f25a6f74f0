using SegGanLab.Tests.Golden;
using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Tensors;

/// <summary>Reductions (sum, mean, std, var, max, argmax, topk) against PyTorch's numbers in golden.json.</summary>
public class ReductionGoldenTests
{
    public static TheoryData<string> Reductions => new() { "sum_0_2", "mean_1_keep", "std_2", "var_all", "max_1", "argmax_2", "topk" };

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Reduction_MatchesPyTorch(string reduction)
    {
        using var scope = NewDisposeScope();
        var c = GoldenData.Case("reductions");
        var x = c.Input("x");
        switch (reduction)
        {
            case "sum_0_2":
                GoldenAssert.Matches(c, reduction, x.sum(c.Longs(reduction, "dim"), c.Bool(reduction, "keepdim")));
                break;
            case "mean_1_keep":
                GoldenAssert.Matches(c, reduction, x.mean(c.Longs(reduction, "dim"), c.Bool(reduction, "keepdim")));
                break;
            case "std_2":
                GoldenAssert.Matches(c, reduction, x.std(c.Longs(reduction, "dim"), c.Bool(reduction, "unbiased")));
                break;
            case "var_all":
                GoldenAssert.Matches(c, reduction, x.var(c.Bool(reduction, "unbiased")));
                break;
            case "max_1":
                var (values, indices) = x.max(c.Long(reduction, "dim"));
                GoldenAssert.Matches(c, "max_1_values", values);
                GoldenAssert.Matches(c, "max_1_indices", indices);
                break;
            case "argmax_2":
                GoldenAssert.Matches(c, reduction, x.argmax(c.Long(reduction, "dim")));
                break;
            case "topk":
                var (top, topIndices) = x.topk(c.Long(reduction, "k"), c.Long(reduction, "dim"), c.Bool(reduction, "largest"), c.Bool(reduction, "sorted"));
                GoldenAssert.Matches(c, "topk_values", top);
                GoldenAssert.Matches(c, "topk_indices", topIndices);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reduction));
        }
    }
}
