using System.CommandLine;

namespace SegGanLab.Cli;

/// <summary><c>seggan new TEMPLATE NAME [--notebook]</c>: a new experiment from a template.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var template = new Argument<string?>("TEMPLATE") { Description = "The template (a file templates/<TEMPLATE>.csx); --list shows them.", Arity = ArgumentArity.ZeroOrOne };
        var name = new Argument<string?>("NAME") { Description = "The experiment's name: writes experiments/<NAME>.csx.", Arity = ArgumentArity.ZeroOrOne };
        var notebook = new Option<bool>("--notebook") { Description = "Also write experiments/<NAME>.ipynb from the template's notebook." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that exist." };
        var list = new Option<bool>("--list") { Description = "List the templates with their descriptions." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write into.", DefaultValueFactory = _ => "experiments", HelpName = "DIR" };
        var templates = new Option<string?>("--templates") { Description = "The templates folder (default: the nearest templates/ up from here, else the installation's).", HelpName = "DIR" };
        var command = new Command("new", "Create an experiment script from a template.") { template, name, notebook, force, list, output, templates };
        command.SetAction(parse =>
        {
            var folder = TemplateFolder.Find(parse.GetValue(templates));
            if (parse.GetValue(list))
            {
                foreach (var t in folder.Names) Console.WriteLine($"{t,-28} {folder.Description(t)}");
                return ExitCodes.Ok;
            }
            var (templateName, experimentName) = (parse.GetValue(template), parse.GetValue(name));
            if (templateName is null || experimentName is null)
                throw new UsageException($"give a template and a name, e.g. seggan new {folder.Names.FirstOrDefault() ?? "supervised"} my-experiment; the templates are: {string.Join(", ", folder.Names)}.");
            if (experimentName.EndsWith(".csx", StringComparison.OrdinalIgnoreCase)) experimentName = experimentName[..^4];
            foreach (var file in folder.Instantiate(templateName, experimentName, parse.GetValue(output)!, parse.GetValue(notebook), parse.GetValue(force)))
                Console.WriteLine($"Wrote {file}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
