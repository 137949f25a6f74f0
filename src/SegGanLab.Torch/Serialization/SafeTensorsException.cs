namespace SegGanLab.Torch.Serialization;

/// <summary>
/// A file could not be read as safetensors: it is truncated, corrupt, or in another format.
/// The message names the file, says what is wrong and how to fix it, e.g.
/// <c>Cannot read safetensors file '/runs/g.safetensors': the header length field says 912 bytes but
/// only 40 bytes follow it, so the file is truncated. Re-download or re-save the file.</c>
/// Problems of the operating system (a missing file, no permission) stay ordinary
/// <see cref="IOException"/>s such as <see cref="FileNotFoundException"/>.
/// </summary>
public sealed class SafeTensorsException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file that could not be read.</param>
    /// <param name="problem">What is wrong with it, as a clause (no final period).</param>
    /// <param name="fix">What the user can do about it, as one or more sentences.</param>
    /// <param name="inner">The lower-level failure, if any (a JSON parser error).</param>
    public SafeTensorsException(string filePath, string problem, string fix, Exception? inner = null)
        : base($"Cannot read safetensors file '{filePath}': {problem}. {fix}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The full path of the file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with the file, without the path or the advice.</summary>
    public string Problem { get; }
}
