namespace SegGanLab.Models;

/// <summary>What a registered model is for.</summary>
public enum ModelKind
{
    /// <summary>Images to class logits (<see cref="SegmentationModel"/>).</summary>
    Segmentation,
    /// <summary>Images to images or logits (<see cref="ImageGenerator"/>).</summary>
    ImageGenerator,
    /// <summary>Image/label pairs to real/fake logits (<see cref="Discriminator"/>).</summary>
    Discriminator,
    /// <summary>Noise to image/mask pairs (<see cref="DcganJointGenerator"/>).</summary>
    JointGenerator,
}

/// <summary>A registered model name: what it builds and which <see cref="ModelOptions"/> it takes.</summary>
/// <param name="Name">The registry name ("unet_256").</param>
/// <param name="Kind">What the model is for.</param>
/// <param name="ModelType">The .NET type it builds.</param>
/// <param name="Description">One line: the architecture and its source.</param>
/// <param name="Options">The <see cref="ModelOptions"/> properties it uses (besides Init and InitGain, which every model takes).</param>
public sealed record ModelInfo(string Name, ModelKind Kind, Type ModelType, string Description, IReadOnlyList<string> Options);

/// <summary>
/// <see cref="Models.Create"/> was given a name that is not registered; the message suggests the
/// closest name and lists the valid ones.
/// </summary>
public sealed class UnknownModelException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public UnknownModelException(string name, string? suggestion, IReadOnlyList<string> validNames)
        : base($"Unknown model '{name}'.{(suggestion is null ? "" : $" Did you mean '{suggestion}'?")} Valid names: {string.Join(", ", validNames)}.")
    {
        RequestedName = name;
        Suggestion = suggestion;
        ValidNames = validNames;
    }

    /// <summary>The name that was asked for.</summary>
    public string RequestedName { get; }
    /// <summary>The closest registered name, if any is close.</summary>
    public string? Suggestion { get; }
    /// <summary>Every registered name.</summary>
    public IReadOnlyList<string> ValidNames { get; }
}
