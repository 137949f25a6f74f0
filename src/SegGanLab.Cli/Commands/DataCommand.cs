using System.CommandLine;
using SegGanLab.Data;

namespace SegGanLab.Cli;

/// <summary><c>seggan data summary DATASET [--split S] [--max-samples N] [--json]</c>: what a dataset holds, and its classic mistakes.</summary>
internal static class DataCommand
{
    public static Command Create() => new("data", "Inspect datasets.") { Summary() };

    static Command Summary()
    {
        var dataset = new Argument<string>("DATASET")
        {
            Description = "The dataset: synthetic, camvid:PATH, membrane:PATH, folder:PATH, voc:PATH, cityscapes:PATH or ade20k:PATH.",
        };
        var split = new Option<string?>("--split") { Description = "The split to read (camvid, voc, cityscapes: train, val, test; ade20k: training, validation). Default: the training split.", HelpName = "NAME" };
        var max = new Option<int?>("--max-samples") { Description = "Read only this many samples, spread evenly over the dataset (a quick look at a large set).", HelpName = "N" };
        max.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--max-samples must be at least 1.");
        });
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var command = new Command("summary", "Count samples, image sizes and pixels per class, and warn about the classic mistakes (binary masks read as 0/255, labels out of range, empty masks).")
        {
            dataset, split, max, json,
        };
        command.SetAction(parse =>
        {
            var data = DatasetArgument.Open(parse.GetValue(dataset)!, parse.GetValue(split));
            var summary = DatasetSummary.Compute(data, parse.GetValue(max));
            Console.Write(parse.GetValue(json) ? SummaryJson.Of(summary) + "\n" : summary.ToText());
            return ExitCodes.Ok;
        });
        return command;
    }
}
