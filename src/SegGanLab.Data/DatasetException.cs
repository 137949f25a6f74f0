namespace SegGanLab.Data;

/// <summary>
/// Bad dataset input: a missing file or folder, a mask that does not fit its image, a label
/// outside the class range. The message names the file at fault and how to fix it.
/// </summary>
public class DatasetException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="filePath">The file or folder at fault, if there is one.</param>
    /// <param name="inner">The underlying error (a decoder's, for instance).</param>
    public DatasetException(string message, string? filePath = null, Exception? inner = null) : base(message, inner) => FilePath = filePath;

    /// <summary>The file or folder at fault, if there is one.</summary>
    public string? FilePath { get; }
}

/// <summary>A mask holds a value that is neither a class index nor the ignore index (after the dataset's label mapping).</summary>
public sealed class LabelOutOfRangeException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    public LabelOutOfRangeException(string message, string filePath, int value, long pixelCount) : base(message, filePath) =>
        (Value, PixelCount) = (value, pixelCount);

    /// <summary>The first offending value as stored in the file.</summary>
    public int Value { get; }

    /// <summary>How many pixels of the mask hold offending values.</summary>
    public long PixelCount { get; }
}
