using System.CommandLine;

namespace SegGanLab.Cli;

/// <summary>
/// <c>seggan predict RUN IMAGES... --out DIR [--checkpoint best|last|PATH]</c>: mask PNGs from a run's
/// trained segmenter, one per image, in the dataset's palette.
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var run = RunArguments.Run();
        var images = new Argument<string[]>("IMAGES")
        {
            Description = "Image files (PNG or JPEG), or folders whose images to predict.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the masks into (<image name>.png: class indices as pixel values, coloured by the dataset's palette).",
            Required = true,
            HelpName = "DIR",
        };
        var checkpoint = RunArguments.Checkpoint();
        var command = new Command("predict", "Predict mask PNGs for images with a run's trained segmenter (at each image's own size, in the dataset's palette).")
        {
            run, images, output, checkpoint,
        };
        command.SetAction(parse =>
        {
            var files = ImageArguments.Expand(parse.GetValue(images)!);
            using var saved = RunArguments.Load(parse.GetValue(run)!, parse.GetValue(checkpoint)!);
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var written = saved.Predict(files, folder);
            foreach (var mask in written) Console.WriteLine(mask);
            Cli.Error($"Wrote {written.Count} mask{(written.Count == 1 ? "" : "s")} to {folder} ({saved.Classes.Count} classes, weights {Path.GetFileName(saved.Checkpoint)} at step {saved.Step}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
