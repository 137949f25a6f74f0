namespace SegGanLab.Training;

/// <summary>The kind of synthetic blur kernel.</summary>
public enum BlurKind
{
    /// <summary>Camera shake: a random, slightly curved motion path rasterised into a kernel (DeblurGAN's motion trajectories, simplified).</summary>
    Motion,

    /// <summary>Defocus-like isotropic Gaussian blur with a random σ.</summary>
    Gaussian,
}

/// <summary>
/// How <see cref="SyntheticBlur"/> draws kernels. DeblurGAN draws camera-shake trajectories (a random
/// walk with inertia and occasional jerks) on a 64-pixel canvas for 256-pixel crops; the defaults
/// here are the same idea scaled to small training images: paths of 3-13 pixels that turn by about
/// 0.3 rad in all, in a 15x15 kernel.
/// </summary>
public sealed record BlurOptions
{
    /// <summary>Motion (the default) or Gaussian kernels.</summary>
    public BlurKind Kind { get; init; } = BlurKind.Motion;

    /// <summary>The kernel's side in pixels: odd, and smaller than the images (reflection padding).</summary>
    public int KernelSize { get; init; } = 15;

    /// <summary>The shortest motion path, in pixels.</summary>
    public double MinLength { get; init; } = 3;

    /// <summary>The longest motion path, in pixels (at most KernelSize - 1).</summary>
    public double MaxLength { get; init; } = 13;

    /// <summary>The standard deviation of a motion path's total turning, in radians (0: straight lines).</summary>
    public double Curvature { get; init; } = 0.3;

    /// <summary>The smallest Gaussian σ, in pixels.</summary>
    public double MinSigma { get; init; } = 0.5;

    /// <summary>The largest Gaussian σ, in pixels.</summary>
    public double MaxSigma { get; init; } = 2.5;

    /// <summary>Checks the values; the exception names the option at fault.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a value out of its range.</exception>
    public void Validate()
    {
        const string name = nameof(BlurOptions);
        if (!Enum.IsDefined(Kind)) throw new ArgumentOutOfRangeException($"{name}.{nameof(Kind)}", Kind, $"use one of {string.Join(", ", Enum.GetNames<BlurKind>())}.");
        if (KernelSize < 3 || KernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException($"{name}.{nameof(KernelSize)}", KernelSize, $"{name}.{nameof(KernelSize)} must be odd and at least 3; got {KernelSize}.");
        OptionChecks.Positive($"{name}.{nameof(MinLength)}", MinLength);
        if (!(MaxLength >= MinLength && MaxLength <= KernelSize - 1))
            throw new ArgumentOutOfRangeException($"{name}.{nameof(MaxLength)}", MaxLength, $"{name}.{nameof(MaxLength)} must be between MinLength ({MinLength}) and KernelSize - 1 ({KernelSize - 1}); got {MaxLength}.");
        OptionChecks.NonNegative($"{name}.{nameof(Curvature)}", Curvature);
        OptionChecks.Positive($"{name}.{nameof(MinSigma)}", MinSigma);
        if (!(MaxSigma >= MinSigma) || double.IsInfinity(MaxSigma))
            throw new ArgumentOutOfRangeException($"{name}.{nameof(MaxSigma)}", MaxSigma, $"{name}.{nameof(MaxSigma)} must be at least MinSigma ({MinSigma}); got {MaxSigma}.");
    }
}
