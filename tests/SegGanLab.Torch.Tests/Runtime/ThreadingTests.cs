using Xunit;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Torch.Tests.Runtime;

[Collection(GlobalStateCollection.Name)]
public class ThreadingTests
{
    [Fact]
    public void SetNumThreads_IsReflectedByGetNumThreads_AndCanBeRestored()
    {
        var original = get_num_threads();
        Assert.True(original >= 1);
        try
        {
            set_num_threads(1);
            Assert.Equal(1, get_num_threads());
            set_num_threads(2);
            Assert.Equal(2, get_num_threads());
        }
        finally
        {
            set_num_threads(original);
        }
        Assert.Equal(original, get_num_threads());
        Assert.True(get_num_interop_threads() >= 1);
    }

    [Fact]
    public void SetNumThreads_BelowOne_ThrowsArgumentOutOfRange()
    {
        var original = get_num_threads();
        Assert.Throws<ArgumentOutOfRangeException>(() => set_num_threads(0));
        Assert.Equal(original, get_num_threads());
    }
}
