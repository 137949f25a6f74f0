using System.Text.Json.Nodes;
using Xunit;

namespace SegGanLab.Kernel.Tests;

public sealed class KernelSpecTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("seggan-spec-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Install_WritesKernelJson_ThatStartsTheCliDirectly()
    {
        var folder = KernelSpec.Install(KernelSpec.PrefixDirectory(_root), KernelSpec.LaunchCommand("/opt/seggan/seggan.dll", "/usr/share/dotnet/dotnet"));
        Assert.Equal(Path.Combine(_root, "share", "jupyter", "kernels", "seggan"), folder);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        Assert.Equal(["/usr/share/dotnet/dotnet", "/opt/seggan/seggan.dll", "kernel", "start", "-f", "{connection_file}"],
            json["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("SegGanLab (C#)", json["display_name"]!.GetValue<string>());
        Assert.Equal("C#", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        Assert.Equal("5.3", json["kernel_protocol_version"]!.GetValue<string>());
        var env = json["env"]!.AsObject();
        Assert.Equal(KernelSpec.AllocatorEnvironment.Keys.Concat(KernelSpec.JitEnvironment.Keys).Order(), env.Select(e => e.Key).Order());
        Assert.Equal("1", env["MALLOC_ARENA_MAX"]!.GetValue<string>());
        Assert.Equal("0", env["DOTNET_TC_CallCountingDelayMs"]!.GetValue<string>());
    }

    [Fact]
    public void LaunchCommand_UsesTheApphostWhenThereIsOne()
    {
        Assert.Equal(["/opt/seggan/seggan"], KernelSpec.LaunchCommand("/opt/seggan/seggan.dll", "/opt/seggan/seggan"));
    }

    [Fact]
    public void Uninstall_RemovesIt_AndReportsAbsence()
    {
        var kernels = KernelSpec.PrefixDirectory(_root);
        KernelSpec.Install(kernels, ["/usr/bin/dotnet", "/x/seggan.dll"]);
        Assert.True(KernelSpec.Uninstall(kernels));
        Assert.False(Directory.Exists(Path.Combine(kernels, "seggan")));
        Assert.False(KernelSpec.Uninstall(kernels));
    }

    [Fact]
    public void Install_IntoAnUnwritablePlace_SaysWhatToDo()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "");
        var e = Assert.Throws<KernelSpecException>(() => KernelSpec.Install(file, ["dotnet"]));
        Assert.Contains("Use --user", e.Message);
    }

    [Fact]
    public void UserDirectory_FollowsJupyterDataDir()
    {
        var previous = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        try
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", "/data/jupyter");
            Assert.Equal("/data/jupyter/kernels", KernelSpec.UserDirectory());
        }
        finally { Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", previous); }
    }
}
