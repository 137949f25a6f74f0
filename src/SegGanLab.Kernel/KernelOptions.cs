using SegGanLab.Scripting;

namespace SegGanLab.Kernel;

/// <summary>How a <see cref="JupyterKernel"/> runs.</summary>
public sealed class KernelOptions
{
    /// <summary>
    /// A kernel serving a notebook frontend (<c>seggan kernel start</c>): after the first cell its
    /// session compiles 40 throwaway cells in the background, which is enough calls for the JIT
    /// (with the kernelspec's <see cref="KernelSpec.JitEnvironment"/>) to optimise the compiler's hot
    /// paths within seconds (<see cref="ScriptSessionOptions.BackgroundWarmUps"/>).
    /// </summary>
    public static KernelOptions ForFrontend() => new() { Session = new ScriptSessionOptions { BackgroundWarmUps = 40 } };

    /// <summary>Where the kernel logs (the process's real stderr by default).</summary>
    public KernelLog Log { get; init; } = new();

    /// <summary>The scripting session's imports, references and globals.</summary>
    public ScriptSessionOptions Session { get; init; } = new();

    /// <summary>After a shutdown request, how long to wait for a running cell to stop before leaving it behind.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The live training display's shortest time between two updates (evaluations, the last step and the end always update it).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(0.5);
}
