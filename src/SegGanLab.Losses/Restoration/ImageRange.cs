namespace SegGanLab.Losses;

/// <summary>The value range of images given to a loss that must normalise them (the perceptual loss).</summary>
public enum ImageRange
{
    /// <summary>[-1, 1]: tanh generator outputs and images normalised with mean 0.5, std 0.5 (pix2pix, DeblurGAN).</summary>
    MinusOneToOne,
    /// <summary>[0, 1]: plain image intensities.</summary>
    ZeroToOne,
}
