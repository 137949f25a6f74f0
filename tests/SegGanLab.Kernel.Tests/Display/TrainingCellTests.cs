using System.Text.Json.Nodes;
using SegGanLab.Kernel.Messaging;
using SegGanLab.Training;
using Xunit;

namespace SegGanLab.Kernel.Tests;

/// <summary>
/// Experiments run in a cell, seen through the wire: the live display that updates in place, the
/// result's formatter, and an interrupt that stops training with a checkpoint the next cell resumes.
/// </summary>
public sealed class TrainingCellTests : IDisposable
{
    readonly TemporaryFolder _runs = new("seggan-kernel-runs-");
    readonly RunningKernel _kernel = new();
    readonly KernelClient _client;

    public TrainingCellTests()
    {
        _client = new KernelClient(_kernel.Connection);
        _client.AwaitIopub();
    }

    public void Dispose()
    {
        _client.Dispose();
        _kernel.Dispose();
        _runs.Dispose();
    }

    /// <summary>A seconds-long experiment on tiny synthetic scenes, runs written under this test's folder.</summary>
    string Experiment(int steps, int evaluateEvery) =>
        $"Environment.SetEnvironmentVariable(\"SEGGAN_RUNS\", @\"{_runs.Root}\");\n" +
        "var experiment = Experiment.Supervised().Name(\"tiny\").Data(Synthetic(count: 16, size: 32, valCount: 4).Workers(0))" +
        $".Segmenter(UNet(depth: 2, baseWidth: 4)).Loss(CE + Dice).Optimizer(Adam(lr: 1e-2)).Batch(4).Steps({steps}).Evaluate(every: {evaluateEvery});\n";

    static string DisplayId(JupyterMessage m) => m.Content["transient"]!["display_id"]!.GetValue<string>();

    static string Text(JupyterMessage m) => m.Content["data"]!["text/plain"]!.GetValue<string>();

    [Fact]
    public void ARun_ShowsOneDisplay_UpdatedInPlace_ThenItsResult()
    {
        var id = _client.Execute(Experiment(steps: 6, evaluateEvery: 3) + "experiment.Run()");
        var reply = _client.Reply(_client.Shell, id);
        var iopub = _client.IopubUntilIdle(id);
        Assert.True(reply.Content["status"]!.GetValue<string>() == "ok", reply.Content.ToJsonString());

        var display = Assert.Single(iopub, m => m.Type == "display_data");
        var updates = iopub.Where(m => m.Type == "update_display_data").ToList();
        // The two evaluations and the end update it at least; the throttle may add step updates.
        Assert.True(updates.Count >= 3, string.Join(", ", iopub.Select(m => m.Type)));
        Assert.All(updates, u => Assert.Equal(DisplayId(display), DisplayId(u)));
        Assert.True(iopub.IndexOf(display) < iopub.IndexOf(updates[0]));
        Assert.StartsWith("supervised: step 0/6", Text(display));

        var last = updates[^1];
        Assert.StartsWith("supervised: step 6/6 (100%)  done in", Text(last));
        Assert.Contains("val mIoU", Text(last));
        var html = last.Content["data"]!["text/html"]!.GetValue<string>();
        Assert.Contains("<svg", html);
        Assert.Contains("data:image/png;base64,", html);

        var result = Assert.Single(iopub, m => m.Type == "execute_result");
        Assert.True(iopub.IndexOf(updates[^1]) < iopub.IndexOf(result));
        var folder = Assert.Single(Directory.GetDirectories(_runs.Root));
        Assert.Contains($"<code>{folder}</code>", result.Content["data"]!["text/html"]!.GetValue<string>());
        Assert.StartsWith("tiny (supervised)", Text(result));
    }

    [Fact]
    public void Interrupt_StopsTraining_WithACheckpoint_ThatTheNextCellResumes()
    {
        var id = _client.Execute(Experiment(steps: 100_000, evaluateEvery: 50_000) + "var run = experiment.Run();");
        // The first update comes after a step has ended: training is under way.
        var deadline = DateTime.UtcNow + KernelClient.Patience;
        JupyterMessage? update = null;
        while (update is null && DateTime.UtcNow < deadline)
            if (_client.Receive(_client.Iopub, TimeSpan.FromMilliseconds(200)) is { Type: "update_display_data" } m && KernelClient.ParentId(m) == id) update = m;
        Assert.NotNull(update);

        var interrupt = _client.Reply(_client.Control, _client.Send(_client.Control, "interrupt_request", new JsonObject()));
        Assert.Equal("ok", interrupt.Content["status"]!.GetValue<string>());
        var reply = _client.Reply(_client.Shell, id);
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("Interrupted", reply.Content["ename"]!.GetValue<string>());
        var rest = _client.IopubUntilIdle(id);
        var error = Assert.Single(rest, m => m.Type == "error");
        Assert.Contains("training stopped after step", error.Content["evalue"]!.GetValue<string>());
        Assert.Contains("interrupted; checkpoint", Text(rest.Last(m => m.Type == "update_display_data")));

        var folder = Assert.Single(Directory.GetDirectories(_runs.Root));
        var checkpoint = Path.Combine(folder, "checkpoints", "last.safetensors");
        var step = Checkpoint.ReadStep(checkpoint);
        Assert.InRange(step, 1, 99_999);

        // The next cell runs, and the checkpoint loads: two more steps continue the run.
        var resume = _client.Execute($"experiment.Steps({step + 2}).Resume(@\"{folder}\").Steps");
        var resumed = _client.Reply(_client.Shell, resume);
        Assert.True(resumed.Content["status"]!.GetValue<string>() == "ok", resumed.Content.ToJsonString());
        var value = Assert.Single(_client.IopubUntilIdle(resume), m => m.Type == "execute_result");
        Assert.Equal((step + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), Text(value));
    }
}
