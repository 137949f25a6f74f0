using System.CommandLine;
using SegGanLab.Plots;
using Spectre.Console;

namespace SegGanLab.Cli;

/// <summary><c>seggan compare RUN RUN... [--out F]</c>: one offline page comparing runs.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var runs = new Argument<DirectoryInfo[]>("RUN") { Description = "Two or more run folders.", Arity = new ArgumentArity(2, 100) };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The HTML file to write.", DefaultValueFactory = _ => new FileInfo("compare.html") };
        var command = new Command("compare", "Compare runs: metric curves and loss totals overlaid, a table of best metrics.") { runs, output };
        command.SetAction(parse =>
        {
            try
            {
                var path = ReportWriter.WriteComparison(parse.GetValue(runs)!.Select(r => r.FullName).ToList(), parse.GetValue(output)!.FullName);
                AnsiConsole.MarkupLine($"Wrote [link]{Markup.Escape(path)}[/]");
                return 0;
            }
            catch (ArgumentException e)
            {
                // The message without .NET's "(Parameter 'runFolders')" suffix, which means nothing on a command line.
                return Cli.Fail(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
            }
            catch (Exception e) when (e is RunFolderException or DirectoryNotFoundException)
            {
                return Cli.Fail(e.Message);
            }
        });
        return command;
    }
}
