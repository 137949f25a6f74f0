using System.Globalization;
using SegGanLab.Torch;

namespace SegGanLab.Scripting;

/// <summary>The formatters every session starts with: tensors, modules, exceptions, bundles, and the plot, image, evaluation and experiment types.</summary>
internal static class BuiltInFormatters
{
    public static void RegisterAll()
    {
        // A copy: Format adds text/plain when missing, and the caller's bundle stays as it was.
        Formatter.Register<MimeBundle>(bundle => bundle.Clone());
        // Shape, dtype, device and the edge values of every dimension (PyTorch's summarised print).
        Formatter.Register<Tensor>(t => MimeBundle.Text(t.ToString(withValues: true)));
        Formatter.Register<torch.nn.Module>(m => MimeBundle.Text(
            m + "\n" + string.Format(CultureInfo.InvariantCulture, "{0:N0} parameters ({1:N0} trainable)", m.parameter_count(), m.parameter_count(trainableOnly: true))));
        Formatter.Register<Exception>(e => MimeBundle.Text(string.Join("\n", ScriptTraceback.Lines(e))));
        PlotFormatters.RegisterAll();
        ExperimentFormatters.RegisterAll();
    }
}
