using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>Jupyter's kernel conformance suite (jupyter_kernel_test, every attribute set) against the installed kernel.</summary>
public sealed class ConformanceTests
{
    [Fact]
    public void JupyterKernelTestSuite_Passes()
    {
        using var jupyter = new JupyterTools();
        var folder = Path.Combine(AppContext.BaseDirectory, "Conformance");
        var (exitCode, output) = jupyter.RunPython(folder, TimeSpan.FromMinutes(5), "-m", "unittest", "-v", "test_seggan_kernel");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Ran 12 tests", output);
        Assert.DoesNotContain("skipped", output);
    }
}
