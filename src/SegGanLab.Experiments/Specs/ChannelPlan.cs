using SegGanLab.Models;

namespace SegGanLab.Experiments;

/// <summary>
/// The channel and class counts a recipe wants for one of its models, derived from the data:
/// a segmenter's input channels and classes, a discriminator's label channels, ... Null: leave the
/// model's own default (a PatchGAN's conditioning image, say).
/// </summary>
/// <param name="InChannels">Input image channels.</param>
/// <param name="NumClasses">Classes of a segmenter or a joint generator's masks.</param>
/// <param name="OutChannels">Output channels of an image generator.</param>
/// <param name="ImageChannels">A discriminator's conditioning image, or a joint generator's images.</param>
/// <param name="LabelChannels">Channels of the map a discriminator judges.</param>
/// <param name="OutputSize">The side of what a generator draws from noise (the data's square size).</param>
internal sealed record ChannelPlan(long? InChannels = null, long? NumClasses = null, long? OutChannels = null, long? ImageChannels = null, long? LabelChannels = null,
                                   long? OutputSize = null)
{
    /// <summary>The value for a factory parameter or option name (camelCase or PascalCase), or null.</summary>
    public long? Value(string name) => name.ToLowerInvariant() switch
    {
        "inchannels" => InChannels,
        "numclasses" => NumClasses,
        "outchannels" => OutChannels,
        "imagechannels" => ImageChannels,
        "labelchannels" => LabelChannels,
        "outputsize" => OutputSize,
        _ => null,
    };

    /// <summary><paramref name="options"/> with the planned counts for every option the model takes and the spec leaves unset.</summary>
    public ModelOptions Fill(ModelOptions options, IReadOnlyList<string> accepted)
    {
        bool Open(string option, long? current) => current is null && accepted.Contains(option);
        return options with
        {
            InChannels = Open(nameof(ModelOptions.InChannels), options.InChannels) ? InChannels : options.InChannels,
            NumClasses = Open(nameof(ModelOptions.NumClasses), options.NumClasses) ? NumClasses : options.NumClasses,
            OutChannels = Open(nameof(ModelOptions.OutChannels), options.OutChannels) ? OutChannels : options.OutChannels,
            ImageChannels = Open(nameof(ModelOptions.ImageChannels), options.ImageChannels) ? ImageChannels : options.ImageChannels,
            LabelChannels = Open(nameof(ModelOptions.LabelChannels), options.LabelChannels) ? LabelChannels : options.LabelChannels,
            OutputSize = Open(nameof(ModelOptions.OutputSize), options.OutputSize) ? OutputSize : options.OutputSize,
        };
    }
}
