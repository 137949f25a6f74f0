namespace SegGanLab.Torch;

/// <summary>Device kinds; the values are LibTorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    /// <summary>The host processor.</summary>
    CPU = 0,
    /// <summary>An NVIDIA GPU through a CUDA build of LibTorch.</summary>
    CUDA = 1,
}

/// <summary>A device: <c>cpu</c> or <c>cuda:N</c>. Parse with <see cref="Parse"/> or <c>torch.device("cuda:0")</c>.</summary>
public sealed record Device(DeviceType Type, int Index = -1)
{
    /// <summary>The CPU.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    /// <exception cref="ArgumentException">For any other spelling, with the accepted ones.</exception>
    public static Device Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var s = spec.Trim().ToLowerInvariant();
        if (s == "cpu") return CPU;
        if (s == "cuda") return new Device(DeviceType.CUDA, 0);
        if (s.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(s.AsSpan(5), out var index) && index >= 0)
            return new Device(DeviceType.CUDA, index);
        throw new ArgumentException($"Unknown device '{spec}': use \"cpu\", \"cuda\" or \"cuda:N\".", nameof(spec));
    }

    /// <summary>PyTorch's spelling: <c>cpu</c> or <c>cuda:0</c>.</summary>
    public override string ToString() => Type == DeviceType.CPU ? "cpu" : $"cuda:{Math.Max(Index, 0)}";

    /// <summary>The index LibTorch expects (-1: the current device).</summary>
    internal int NativeIndex => Type == DeviceType.CPU ? -1 : Index;
}
