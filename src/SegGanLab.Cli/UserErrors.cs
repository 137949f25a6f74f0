using SegGanLab.Data;
using SegGanLab.Experiments;
using SegGanLab.Imaging;
using SegGanLab.Losses;
using SegGanLab.Models;
using SegGanLab.Plots;
using SegGanLab.Torch.Serialization;
using SegGanLab.Training;

namespace SegGanLab.Cli;

/// <summary>
/// The exceptions that report bad input rather than a bug: a missing or malformed file or folder,
/// an unknown model, options that do not fit. Their messages already name the file or option and
/// the fix, so the CLI shows only the message (a stack trace with <c>--verbose</c>).
/// </summary>
internal static class UserErrors
{
    /// <summary>True when <paramref name="e"/> reports input the user can fix.</summary>
    public static bool IsUserError(Exception e) => e is UsageException
        or FileNotFoundException or DirectoryNotFoundException
        or DatasetException or ImageFormatException or SafeTensorsException
        or CheckpointException or RunFolderException or BackboneWeightsException
        or ModelOptionsException or ModelCompatibilityException or UnknownModelException
        or LossConfigurationException or SavedExperimentException;
}
