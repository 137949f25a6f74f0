using System.Text;

namespace SegGanLab.Imaging.Tests;

/// <summary>Tests that change <see cref="ImageFile.MaxPixels"/> run alone, so no other decode sees the lowered limit.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MaxPixelsCollection
{
    public const string Name = "ImageFile.MaxPixels";
}

/// <summary>
/// Thousands of seeded mutations of valid PNG and JPEG files (bit flips, truncations, insertions,
/// deletions, duplicated blocks, chunk lengths, chunk data and headers with their CRCs recomputed,
/// huge sizes): every decode, in every mode and unreduced, either succeeds or throws
/// <see cref="ImageFormatException"/>; never another exception, a crash or a hang.
/// </summary>
[Collection(MaxPixelsCollection.Name)]
public sealed class MutationFuzzTests
{
    static readonly ColorMode[] Modes = Enum.GetValues<ColorMode>();

    static IEnumerable<byte[]> PngSeeds()
    {
        foreach (var f in new[] { "gray1_adam7.png", "gray4.png", "gray16.png", "gray_alpha16_adam7.png", "rgb8_adam7.png",
                     "rgba16.png", "filters_rgba16.png", "palette2_adam7.png", "palette4_trns.png", "voc_mask.png", "filter_paeth_rgb8.png" })
            yield return Fixtures.Get(f).Bytes;
        yield return ImageFile.EncodePng(TestImages.Smooth(40, 30, 3, 1));
        yield return ImageFile.EncodePng(TestImages.Mask(33, 9, 5, 5, 2, alpha: true));
    }

    static IEnumerable<byte[]> JpegSeeds() =>
        new[] { "jpeg_baseline_420.jpg", "jpeg_progressive.jpg", "jpeg_gray.jpg", "jpeg_cmyk.jpg", "jpeg_restart.jpg" }
            .Select(f => Fixtures.Get(f).Bytes);

    [Fact]
    public void MutatedPngs_DecodeOrRaiseImageFormatException() => Run(PngSeeds().ToArray(), mutations: 6000, seed: 2024);

    [Fact]
    public void MutatedJpegs_DecodeOrRaiseImageFormatException() => Run(JpegSeeds().ToArray(), mutations: 2000, seed: 4242);

    static void Run(byte[][] seeds, int mutations, int seed)
    {
        var failures = new StringBuilder();
        var outcomes = new int[2];
        var mutator = new Mutator(seed);
        var previous = ImageFile.MaxPixels;
        // A mutated header may ask for any size under the limit; 4 megapixels keeps each attempt cheap.
        ImageFile.MaxPixels = 1 << 22;
        try
        {
            // A worker thread with a generous deadline turns a hang into a failure instead of a stuck run.
            var worker = Task.Run(() =>
            {
                for (var i = 0; i < mutations; i++)
                {
                    var file = mutator.Mutate(seeds[i % seeds.Length], out var kind);
                    foreach (var mode in Modes)
                        Attempt(() => ImageFile.Decode(file, mode, "fuzz.bin"), i, kind, $"Decode {mode}", failures, outcomes);
                    Attempt(() => ImageFile.Identify(file, "fuzz.bin"), i, kind, "Identify", failures, outcomes);
                    Attempt(() => ImageFile.DecodeSamples16(file, "fuzz.bin"), i, kind, "DecodeSamples16", failures, outcomes);
                }
            });
            Assert.True(worker.Wait(TimeSpan.FromMinutes(3)), "the mutation run did not finish within 3 minutes: a decode hangs");
        }
        finally
        {
            ImageFile.MaxPixels = previous;
        }
        Assert.True(failures.Length == 0, $"unexpected exceptions (seed {seed}):\n{failures}");
        // The mutations must exercise both outcomes, or they test nothing.
        Assert.True(outcomes[0] > mutations / 10 && outcomes[1] > mutations / 10, $"{outcomes[0]} decodes succeeded, {outcomes[1]} raised ImageFormatException");
    }

    static void Attempt(Action decode, int iteration, string kind, string call, StringBuilder failures, int[] outcomes)
    {
        try
        {
            decode();
            outcomes[0]++;
        }
        catch (ImageFormatException e)
        {
            Assert.StartsWith("fuzz.bin: ", e.Message);
            outcomes[1]++;
        }
        catch (Exception e) when (failures.Length < 4000)
        {
            failures.AppendLine($"mutation {iteration} ({kind}), {call}: {e.GetType().Name}: {e.Message}");
        }
    }
}
