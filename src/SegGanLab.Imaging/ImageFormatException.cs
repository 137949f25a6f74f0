namespace SegGanLab.Imaging;

/// <summary>
/// A file or buffer that is not a readable image: corrupt, truncated, of an unsupported format,
/// too large, or not usable in the requested <see cref="ColorMode"/>. The message names the
/// source (a path, or the name a caller passed to <see cref="ImageFile.Decode(ReadOnlySpan{byte}, ColorMode, string?)"/>)
/// and what is wrong with it.
/// </summary>
public class ImageFormatException : IOException
{
    /// <summary>An error with a complete message and no known source.</summary>
    public ImageFormatException(string message) : base(message) => Problem = message;

    /// <summary>An error with a complete message and the exception that caused it.</summary>
    public ImageFormatException(string message, Exception innerException) : base(message, innerException) => Problem = message;

    /// <summary>An error about <paramref name="filePath"/> (null when decoding an unnamed buffer).</summary>
    /// <param name="filePath">The file or source name at fault.</param>
    /// <param name="problem">What is wrong, as a sentence fragment without the source name.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ImageFormatException(string? filePath, string problem, Exception? innerException = null)
        : base($"{filePath ?? "image data"}: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file (or source name) at fault; null for an unnamed buffer.</summary>
    public string? FilePath { get; }

    /// <summary>What is wrong, without the source name.</summary>
    public string Problem { get; }
}
