namespace SegGanLab.Models;

/// <summary>
/// The defaults shared by the typed factories and the <see cref="Models.Create"/> registry, in one
/// place so the two cannot drift. Values follow the sources each model cites.
/// </summary>
public static class ModelDefaults
{
    /// <summary>RGB images.</summary>
    public const long InChannels = 3;
    /// <summary>A binary task; the training layer passes the dataset's class count.</summary>
    public const long NumClasses = 2;
    /// <summary>Image generators produce RGB.</summary>
    public const long OutChannels = 3;
    /// <summary>pix2pix's ngf/ndf, VGG's and ResNet's first width.</summary>
    public const long BaseWidth = 64;
    /// <summary>U-Net levels (Ronneberger et al.).</summary>
    public const int UNetDepth = 4;
    /// <summary>pix2pix's unet_256 downsamplings.</summary>
    public const int Pix2PixDownsamplings = 8;
    /// <summary>pix2pix's dropout in the U-Net generator's innermost blocks.</summary>
    public const double Pix2PixDropout = 0.5;
    /// <summary>pix2pix's "basic" PatchGAN (70x70).</summary>
    public const int PatchGanLayers = 3;
    /// <summary>Conditional discriminators see RGB images.</summary>
    public const long ImageChannels = 3;
    /// <summary>Hung et al.'s discriminator sees the class maps only.</summary>
    public const long HungImageChannels = 0;
    /// <summary>pix2pixHD's num_D.</summary>
    public const int Scales = 2;
    /// <summary>ASPP and decoder width of DeepLabV3+ lite (the paper's 256, halved).</summary>
    public const long DeepLabWidth = 128;
    /// <summary>DCGAN's noise size.</summary>
    public const long LatentSize = 100;
    /// <summary>DCGAN's image size.</summary>
    public const long OutputSize = 64;
}
