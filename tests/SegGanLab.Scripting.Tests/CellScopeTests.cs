using SegGanLab.Scripting;
using SegGanLab.Torch;
using Xunit;

namespace SegGanLab.Scripting.Tests;

public sealed class CellScopeTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    readonly ScriptSession _session = fixture.Session;

    [Fact]
    public async Task VariableTensor_SurvivesIntoTheNextCell_AndTemporariesAreFreed()
    {
        await _session.Ready;
        var before = LiveTensors.Settled();
        // ones, (t * 2), (t * 2).sum() and the discarded mean: only t and s stay reachable.
        _session.RunOk("var t = ones(2, 2); var s = (t * 2).sum(); t.mean();");
        Assert.Equal(before + 2, TensorStatistics.Live);
        var result = _session.RunOk("s.item<float>() + t.sum().item<float>()");
        Assert.Equal(12f, result.Value);
        Assert.Equal(before + 2, TensorStatistics.Live);
    }

    [Fact]
    public void TensorsInCollections_ModulesAndClosures_Survive()
    {
        _session.RunOk("var list = new List<Tensor> { randn(3) }; var pair = (a: zeros(1), b: 2); var net = nn.Linear(2, 3); var w = randn(2); Func<Tensor> f = () => w;");
        var result = _session.RunOk("list[0].numel() + pair.a.numel() + net.forward(ones(1, 2)).numel() + f().numel()");
        Assert.Equal(3L + 1 + 3 + 2, result.Value);
    }

    [Fact]
    public void ReturnedTensor_IsAliveForTheHost()
    {
        var result = _session.RunOk("ones(3) * 4");
        var tensor = Assert.IsAssignableFrom<Tensor>(result.Value);
        Assert.Equal(12f, tensor.sum().item<float>());
        Assert.Contains("[3], type = Float32, device = cpu", result.Formatted!.PlainText);
        tensor.Dispose();
    }

    [Fact]
    public void ManyCells_DoNotLeak()
    {
        _session.RunOk("var acc = zeros(4);");
        var before = LiveTensors.Settled();
        for (var i = 0; i < 20; i++) _session.RunOk("var tmp = (acc + 1).relu().sum(); tmp.item<float>()");
        // Roslyn's submission chain keeps every cell's `tmp` (a later cell's variable shadows, not
        // replaces, an earlier one); the temporaries (acc + 1, relu) are all freed.
        Assert.Equal(before + 20, LiveTensors.Settled());
    }

    [Fact]
    public void CellWithoutTensors_LeavesEarlierCellsTensorsAlive()
    {
        // A cell whose scope owns no tensor skips the reachability walk; what earlier cells kept stays.
        _session.RunOk("var kept = arange(4) * 2;");
        var before = LiveTensors.Settled();
        _session.RunOk("var count = 1 + 1;");
        Assert.Equal(before, LiveTensors.Settled());
        Assert.Equal(12f, _session.RunOk("kept.sum().item<float>()").Value);
    }

    [Fact]
    public void StaticFieldOfAScriptClass_KeepsItsTensor()
    {
        _session.RunOk("static class Cache { public static Tensor Value = arange(5); }");
        _session.RunOk("Cache.Value.numel()");
        Assert.Equal(5L, _session.RunOk("Cache.Value.numel()").Value);
    }
}
