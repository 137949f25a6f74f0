namespace SegGanLab.Models;

/// <summary>
/// An input tensor does not fit a model: wrong rank, channel count, dtype or spatial size. The
/// message names the model, the shape it got and how to fix the input
/// ("UNet: height and width must be multiples of 16; got 250x250: pad or resize to 256x256").
/// </summary>
public sealed class ModelInputException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="model"/> and the offending <paramref name="shape"/>.</summary>
    public ModelInputException(string model, IReadOnlyList<long> shape, string message) : base(message)
    {
        Model = model;
        Shape = shape;
    }

    /// <summary>The model that refused the input.</summary>
    public string Model { get; }

    /// <summary>The shape of the refused input.</summary>
    public IReadOnlyList<long> Shape { get; }
}

/// <summary>
/// Two models do not fit together, e.g. a discriminator that judges a different number of
/// channels than the generator produces. The message says which option to change.
/// </summary>
public sealed class ModelCompatibilityException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ModelCompatibilityException(string message) : base(message) { }
}

/// <summary>An architecture option is out of range or does not apply (e.g. a U-Net depth of 0).</summary>
public sealed class ModelOptionsException : ArgumentException
{
    /// <summary>Creates the exception for option <paramref name="option"/>.</summary>
    public ModelOptionsException(string option, string message) : base(message) => Option = option;

    /// <summary>The option at fault, as the typed factory or <see cref="ModelOptions"/> names it.</summary>
    public string Option { get; }
}
