namespace SegGanLab.Data;

/// <summary>The files of one sample: its image and its mask.</summary>
/// <param name="Image">Path of the image (PNG or JPEG; gray images become RGB).</param>
/// <param name="Mask">Path of the label map (8-bit gray or palette PNG holding stored label values).</param>
public sealed record SamplePaths(string Image, string Mask);
