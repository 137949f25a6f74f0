using System.Text.RegularExpressions;
using SegGanLab.Kernel;
using Xunit;

namespace SegGanLab.Cli.Tests;

/// <summary>The ./seggan launcher and the notebook kernel start training with the same allocator settings.</summary>
public sealed partial class LauncherTests
{
    [Fact]
    public void Launcher_SetsTheKernelsAllocatorEnvironment_UnlessTheUserDid()
    {
        var launcher = File.ReadAllText(Path.Combine(ShippedTemplates.RepositoryRoot, "seggan"));
        var defaults = Default().Matches(launcher).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        foreach (var (name, value) in KernelSpec.AllocatorEnvironment)
        {
            Assert.True(defaults.TryGetValue(name, out var set), $"./seggan does not export {name}");
            Assert.Equal(value, set);
        }
    }

    // NAME="${NAME:-value}": the launcher's default, kept when the user set NAME.
    [GeneratedRegex(@"(?<name>MALLOC_\w+)=""\$\{\k<name>:-(?<value>[^}]+)\}""")]
    private static partial Regex Default();
}
