using System.CommandLine;
using SegGanLab.Experiments;

namespace SegGanLab.Cli;

/// <summary>
/// <c>seggan eval RUN [--checkpoint best|last|PATH] [--split val] [--data DATASET] [--json]</c>: a run's
/// trained segmenter evaluated on a dataset split, as the per-class table.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var run = RunArguments.Run();
        var checkpoint = RunArguments.Checkpoint();
        var split = new Option<string>("--split", "-s")
        {
            Description = "The split to evaluate: val (the run's validation data), train, or another split of the dataset's layout (camvid: test).",
            DefaultValueFactory = _ => "val",
            HelpName = "NAME",
        };
        var data = new Option<string?>("--data", "-d")
        {
            Description = "Evaluate on other data with the same classes: synthetic, camvid:PATH, membrane:PATH, folder:PATH, voc:PATH, cityscapes:PATH or ade20k:PATH (default: the run's own data).",
            HelpName = "DATASET",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object: run, checkpoint, step, dataset, split, metrics, per_class." };
        var command = new Command("eval", "Evaluate a run's trained segmenter on a dataset split: mIoU, accuracies, Dice and the per-class table.")
        {
            run, checkpoint, split, data, json,
        };
        command.SetAction(parse =>
        {
            var on = parse.GetValue(data) is { } spec ? ParseData(spec) : null;
            using var saved = RunArguments.Load(parse.GetValue(run)!, parse.GetValue(checkpoint)!);
            var report = saved.Evaluate(on, parse.GetValue(split)!);
            if (parse.GetValue(json)) Console.WriteLine(EvaluationOutput.Json(saved, report));
            else EvaluationOutput.Table(saved, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    static DataSpec ParseData(string spec)
    {
        try
        {
            return DataSpec.Parse(spec);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--data '{spec}' is not a dataset; use synthetic, camvid:PATH, membrane:PATH, folder:PATH, voc:PATH, cityscapes:PATH or ade20k:PATH.");
        }
    }
}
