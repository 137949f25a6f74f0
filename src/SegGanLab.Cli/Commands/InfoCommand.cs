using System.CommandLine;
using System.Runtime.InteropServices;
using SegGanLab.Torch;
using Spectre.Console;

namespace SegGanLab.Cli;

/// <summary><c>seggan info</c>: what this installation runs on (LibTorch, BLAS, threads, devices).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var config = new Option<bool>("--config") { Description = "Also print LibTorch's full build configuration." };
        var command = new Command("info", "Show the LibTorch build, BLAS, thread count and available devices.") { config };
        command.SetAction(parse =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("item").AddColumn("value");
            table.AddRow("SegGanLab", typeof(InfoCommand).Assembly.GetName().Version?.ToString() ?? "dev");
            table.AddRow(".NET", RuntimeInformation.FrameworkDescription);
            table.AddRow("LibTorch", torch.__version__);
            table.AddRow("oneDNN (MKL-DNN)", torch.backends.mkldnn.is_available() ? "yes" : "no");
            table.AddRow("BLAS", Markup.Escape(BlasLibrary()));
            table.AddRow("intra-op threads", torch.get_num_threads().ToString());
            table.AddRow("CPU cores", Environment.ProcessorCount.ToString());
            table.AddRow("CUDA", torch.cuda.is_available() ? $"yes, {torch.cuda.device_count()} device(s)" : "not available (CPU build of LibTorch or no GPU)");
            table.AddRow("cuDNN", torch.backends.cudnn.is_available() ? "yes" : "no");
            AnsiConsole.Write(table);
            if (parse.GetValue(config)) Console.WriteLine(torch.config_show());
            return 0;
        });
        return command;
    }

    // Debian's libblas.so.3 is an alternatives link; the reference BLAS is ~30x slower than OpenBLAS.
    static string BlasLibrary()
    {
        const string link = "/usr/lib/x86_64-linux-gnu/libblas.so.3";
        try
        {
            var target = File.ResolveLinkTarget(link, returnFinalTarget: true)?.FullName ?? link;
            return target.Contains("openblas", StringComparison.Ordinal) ? $"OpenBLAS ({target})"
                 : target.Contains("/blas/", StringComparison.Ordinal) ? $"reference BLAS ({target}): slow; apt-get install libopenblas0-pthread"
                 : target;
        }
        catch (IOException) { return "unknown"; }
    }
}
