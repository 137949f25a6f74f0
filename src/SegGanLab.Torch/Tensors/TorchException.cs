namespace SegGanLab.Torch;

/// <summary>
/// A LibTorch operation failed. Carries LibTorch's own message, the operation's name and a
/// description of every input (shape, dtype, device), e.g.
/// <c>conv2d failed: input [2, 3, 32, 32] float32 cpu, weight [8, 4, 3, 3] float32 cpu: Given groups=1, ...</c>.
/// The process and the tensors involved remain usable afterwards.
/// </summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TorchException(string op, IReadOnlyList<string> inputs, string nativeMessage)
        : base(Compose(op, inputs, nativeMessage))
    {
        Op = op;
        Inputs = inputs;
        NativeMessage = nativeMessage;
    }

    /// <summary>The operation, as named in PyTorch (conv2d, cross_entropy, ...).</summary>
    public string Op { get; }

    /// <summary>One line per input: its role, shape, dtype and device.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>LibTorch's message, without its C++ backtrace.</summary>
    public string NativeMessage { get; }

    static string Compose(string op, IReadOnlyList<string> inputs, string native)
    {
        var first = native.Split('\n', 2)[0].Trim();
        return inputs.Count == 0 ? $"{op} failed: {first}" : $"{op} failed on {string.Join(", ", inputs)}: {first}";
    }

    internal static string Describe(Tensor? t) => t switch
    {
        null => "none",
        { IsInvalid: true } => "a disposed tensor",
        _ => $"[{string.Join(", ", t.shape)}] {t.dtype.ToTorchName()} {t.device}",
    };
}
