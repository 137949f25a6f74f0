using SegGanLab.Experiments;
using SegGanLab.Torch;

namespace SegGanLab.Scripting;

/// <summary>
/// The one list of what every SegGanLab script and notebook cell imports. Hosts can add more
/// through <see cref="ScriptSessionOptions.Imports"/>; the layers above (the experiment DSL
/// with its script defaults such as bare <c>UNet</c> or <c>Dice</c>) add a line here.
/// </summary>
public static class ScriptDefaults
{
    /// <summary>Namespaces and static classes imported into every submission, in order.</summary>
    public static IReadOnlyList<ScriptImport> Imports { get; } =
    [
        ScriptImport.Namespace(typeof(object)),                  // System
        ScriptImport.Namespace(typeof(Enumerable)),              // System.Linq
        ScriptImport.Namespace(typeof(List<>)),                  // System.Collections.Generic
        ScriptImport.Namespace(typeof(Thread)),                  // System.Threading: CancellationToken, Thread.Sleep
        ScriptImport.Namespace(typeof(Task)),                    // System.Threading.Tasks, for await in cells
        ScriptImport.Namespace(typeof(torch)),                   // SegGanLab.Torch: Tensor, DisposeScope, ...
        ScriptImport.Static(typeof(torch)),                      // torch.*: zeros, randn, nn, optim, ...
        ScriptImport.Namespace(typeof(ScriptDefaults)),          // SegGanLab.Scripting: Formatter, MimeBundle
        ScriptImport.Namespace(typeof(ExperimentHost)),          // SegGanLab.Experiments: Experiment, SavedExperiment, ...
    ];
}
