namespace SegGanLab.Tests;

/// <summary>The <c>dotnet</c> muxer that runs the built tools (<c>dotnet seggan.dll ...</c>) as child processes.</summary>
public static class DotnetHost
{
    /// <summary>Its path: the SDK's <c>DOTNET_HOST_PATH</c>, the test host itself when it is dotnet, or the first on PATH.</summary>
    public static string Path { get; } = Find();

    static string Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(System.IO.Path.Combine(dir, "dotnet"))) return System.IO.Path.Combine(dir, "dotnet");
        throw new FileNotFoundException("Cannot find the dotnet host (DOTNET_HOST_PATH, the test host, PATH).");
    }
}
