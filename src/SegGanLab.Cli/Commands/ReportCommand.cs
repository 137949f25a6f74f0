using System.CommandLine;
using SegGanLab.Plots;
using Spectre.Console;

namespace SegGanLab.Cli;

/// <summary><c>seggan report RUN</c>: (re)writes a run folder's offline report.html.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<DirectoryInfo>("RUN") { Description = "The run folder (runs/<name>-<yyyyMMdd-HHmmss>)." };
        var samples = new Option<int>("--samples") { Description = "How many samples the sample grid shows.", DefaultValueFactory = _ => 4 };
        var command = new Command("report", "Rebuild a run's report.html: losses, metrics, per-class IoU, confusion matrix, samples, options.") { run, samples };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(samples);
            if (count < 1) return Cli.Fail($"--samples must be at least 1, got {count}.");
            try
            {
                var path = ReportWriter.Write(parse.GetValue(run)!.FullName, count);
                AnsiConsole.MarkupLine($"Wrote [link]{Markup.Escape(path)}[/]");
                return 0;
            }
            catch (RunFolderException e)
            {
                return Cli.Fail(e.Message);
            }
        });
        return command;
    }
}
