using SegGanLab.Models;
using SegGanLab.Torch;

namespace SegGanLab.Experiments;

/// <summary>
/// The registry name and options that rebuild a model: read back from a built model's public
/// configuration, so a run records its models the same way however they were given (bare name,
/// factory or module) and <see cref="SavedExperiment"/> can rebuild them with
/// <see cref="Models.Models.Create"/>. Null for a model the registry cannot build (a model class of
/// your own, a ResNet generator with 4 blocks, ...).
/// </summary>
internal static class ModelDescription
{
    public static (string Name, ModelOptions Options)? Of(torch.nn.Module model) => model switch
    {
        UNet u => ("unet", new ModelOptions
        {
            InChannels = u.InChannels, NumClasses = u.NumClasses, Depth = u.Depth, BaseWidth = u.BaseWidth,
            Upsampling = u.Upsampling, Norm = u.Norm, Dropout = u.Dropout, Output = u.Output,
        }),
        Pix2PixUNet p when p.Downsamplings is 7 or 8 => ($"unet_{1 << p.Downsamplings}", new ModelOptions
        {
            InChannels = p.InChannels, OutChannels = p.OutChannels, BaseWidth = p.BaseWidth, Norm = p.Norm, Dropout = p.Dropout, Output = p.Output,
        }),
        ResNetGenerator r when r.Blocks is 6 or 9 => ($"resnet_{r.Blocks}blocks", new ModelOptions
        {
            InChannels = r.InChannels, OutChannels = r.OutChannels, BaseWidth = r.BaseWidth, Norm = r.Norm, Dropout = r.Dropout,
            ResidualOutput = r.ResidualOutput, Output = r.Output,
        }),
        SegNet s => ("segnet", new ModelOptions { InChannels = s.InChannels, NumClasses = s.NumClasses, BaseWidth = s.BaseWidth }),
        SegNetBasic s => ("segnet_basic", new ModelOptions
        {
            InChannels = s.InChannels, NumClasses = s.NumClasses, BaseWidth = s.Width, LocalResponseNorm = s.UsesLocalResponseNorm,
        }),
        Fcn f => (f.Variant.ToString().ToLowerInvariant(), new ModelOptions
        {
            InChannels = f.InChannels, NumClasses = f.NumClasses, Backbone = f.Encoder.Kind, BaseWidth = BaseWidth(f.Encoder),
        }),
        DeepLabV3Plus d => ("deeplabv3plus_lite", new ModelOptions
        {
            InChannels = d.InChannels, NumClasses = d.NumClasses, Backbone = d.Encoder.Kind, BaseWidth = BaseWidth(d.Encoder), DecoderWidth = d.DecoderWidth,
        }),
        PatchGan g => ("patchgan", new ModelOptions
        {
            ImageChannels = g.ImageChannels, LabelChannels = g.LabelChannels, Layers = g.Layers, BaseWidth = g.BaseWidth, Norm = g.Norm,
        }),
        PixelDiscriminator g => ("pixelgan", new ModelOptions { ImageChannels = g.ImageChannels, LabelChannels = g.LabelChannels, BaseWidth = g.BaseWidth, Norm = g.Norm }),
        FullyConvDiscriminator g when g.Upsamples => ("hung_fcd", new ModelOptions { ImageChannels = g.ImageChannels, LabelChannels = g.LabelChannels, BaseWidth = g.BaseWidth }),
        MultiScaleDiscriminator m => MultiScale(m),
        DcganJointGenerator j => ("dcgan_joint", new ModelOptions
        {
            LatentSize = j.LatentSize, NumClasses = j.NumClasses, ImageChannels = j.ImageChannels, OutputSize = j.OutputSize, BaseWidth = j.BaseWidth,
        }),
        _ => null,
    };

    static long BaseWidth(ResNet encoder) => encoder.StageChannels[0] / (encoder.Kind == Backbone.ResNet50 ? 4 : 1);

    // Rebuildable when every scale is the same registered discriminator (what Models.MultiScale builds).
    static (string, ModelOptions)? MultiScale(MultiScaleDiscriminator m)
    {
        var scales = m.Scales.Select(Of).ToList();
        if (scales.Count == 0 || scales.Any(s => s is null) || scales.Any(s => s!.Value.Name != scales[0]!.Value.Name || s.Value.Options != scales[0]!.Value.Options))
            return null;
        var (name, options) = scales[0]!.Value;
        return ("multiscale", options with { Scales = scales.Count, ScaleDiscriminator = name });
    }
}
