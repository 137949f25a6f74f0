using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using Xunit;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Torch.Tests.NN;

public class ModuleTests
{
    sealed class TwoLayer : nn.Module<Tensor, Tensor>
    {
        readonly Conv2d conv = nn.Conv2d(3, 4, 3, padding: 1);
        readonly BatchNorm2d _norm = nn.BatchNorm2d(4);
        readonly Sequential head = nn.Sequential(nn.ReLU(), nn.Conv2d(4, 2, 1));

        public TwoLayer() : base(nameof(TwoLayer)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            using var a = conv.forward(x);
            using var b = _norm.forward(a);
            return head.forward(b);
        }
    }

    [Fact]
    public void RegisterComponents_FindsFieldsByReflection_InPyTorchOrder()
    {
        using var m = new TwoLayer();
        Assert.Equal(new[] { "conv.weight", "conv.bias", "norm.weight", "norm.bias", "head.1.weight", "head.1.bias" },
                     m.named_parameters().Select(p => p.name));
        Assert.Equal(new[] { "norm.running_mean", "norm.running_var", "norm.num_batches_tracked" }, m.named_buffers().Select(b => b.name));
        Assert.Equal(4 * 3 * 9 + 4 + 4 + 4 + 2 * 4 + 2, m.parameter_count());
    }

    [Fact]
    public void StateDict_RoundTrips_IntoAFreshModule()
    {
        using var a = new TwoLayer();
        using var b = new TwoLayer();
        var state = a.state_dict();
        try
        {
            b.load_state_dict(state);
            using var x = randn(2, 3, 8, 8);
            a.eval(); b.eval();
            using var ya = a.forward(x);
            using var yb = b.forward(x);
            Assert.True(ya.allclose(yb, 0, 0));
        }
        finally { foreach (var t in state.Values) t.Dispose(); }
    }

    [Fact]
    public void LoadStateDict_ReportsMissingUnexpectedAndMismatchedKeys_AndCopiesNothing()
    {
        using var m = new TwoLayer();
        using var before = m.named_parameters().First().parameter.clone();
        using var wrongShape = zeros(5, 3, 3, 3);
        using var extra = zeros(1);
        var state = new Dictionary<string, Tensor> { ["conv.weight"] = wrongShape, ["bogus"] = extra };
        var e = Assert.Throws<StateDictException>(() => m.load_state_dict(state));
        Assert.Contains("conv.bias", e.Missing);
        Assert.Contains("bogus", e.Unexpected);
        Assert.Contains("size mismatch for conv.weight: checkpoint [5, 3, 3, 3] vs model [4, 3, 3, 3]", e.Message);
        Assert.True(m.named_parameters().First().parameter.allclose(before, 0, 0));
    }

    [Fact]
    public void TrainEval_PropagatesToChildren_AndChangesBatchNormBehaviour()
    {
        using var m = new TwoLayer();
        m.eval();
        Assert.All(m.modules(), mod => Assert.False(mod.training));
        using var x = randn(2, 3, 8, 8);
        using var running = m.named_buffers().First(b => b.name == "norm.running_mean").buffer.clone();
        using (var _ = m.forward(x)) { }
        Assert.True(m.named_buffers().First(b => b.name == "norm.running_mean").buffer.allclose(running, 0, 0));
        m.train();
        using (var _ = m.forward(x)) { }
        Assert.False(m.named_buffers().First(b => b.name == "norm.running_mean").buffer.allclose(running, 0, 0));
    }

    [Fact]
    public void ToDtype_ConvertsParametersInPlace_KeepingTheirIdentity()
    {
        using var m = new TwoLayer();
        var p = m.parameters().First();
        m.to(float64);
        Assert.Same(p, m.parameters().First());
        Assert.Equal(ScalarType.Float64, p.dtype);
        Assert.Equal(ScalarType.Int64, m.named_buffers().First(b => b.name == "norm.num_batches_tracked").buffer.dtype);
        using var y = m.forward(randn([1, 3, 4, 4], float64));
        Assert.Equal(ScalarType.Float64, y.dtype);
    }

    [Fact]
    public void ToString_PrintsPyTorchStyleTree_AndSummaryCountsParameters()
    {
        using var m = new TwoLayer();
        var text = m.ToString();
        Assert.Contains("(conv): Conv2d(3, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))", text);
        Assert.Contains("(1): Conv2d(4, 2, kernel_size=(1, 1), stride=(1, 1))", text);
        Assert.Contains($"{m.parameter_count():N0} parameters", m.summary());
    }

    [Fact]
    public void DefaultInit_MatchesPyTorchBounds()
    {
        using var conv = nn.Conv2d(16, 8, 3);
        var bound = 1 / Math.Sqrt(16 * 9);
        using var max = conv.weight.abs().max();
        Assert.True(max.item<float>() <= bound + 1e-7);
        Assert.True(max.item<float>() > 0.8 * bound);
        using var bn = nn.BatchNorm2d(5);
        Assert.All(bn.weight!.data<float>(), v => Assert.Equal(1f, v));
        Assert.All(bn.running_var!.data<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Orthogonal_Init_GivesOrthonormalRows()
    {
        using var scope = NewDisposeScope();
        var w = empty([4, 6]);
        nn.init.orthogonal_(w);
        var gram = w.matmul(w.t());
        Assert.True(gram.allclose(eye(4), 1e-5, 1e-5));
    }

    [Fact]
    public void MaxPoolWithIndices_ThenUnpool_RestoresMaximaAtTheirPositions()
    {
        using var scope = NewDisposeScope();
        var x = arange(16, float32).reshape(1, 1, 4, 4);
        var pool = nn.MaxPool2d(2);
        var unpool = nn.MaxUnpool2d(2);
        var (y, idx) = pool.forward_with_indices(x);
        var back = unpool.forward(y, idx);
        Assert.Equal(new float[] { 5, 7, 13, 15 }, y.data<float>());
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 5, 0, 7, 0, 0, 0, 0, 0, 13, 0, 15 }, back.data<float>());
    }

    [Fact]
    public void Training_1000Steps_LeavesLiveTensorCountWhereItStarted()
    {
        manual_seed(7);
        using var model = new TwoLayer();
        using var x = randn(4, 3, 8, 8);
        using var y = randint(0, 2, [4, 8, 8]);
        var start = LiveTensors.Settled();
        var parameters = model.parameters().ToList();
        double first = 0, last = 0;
        for (var step = 0; step < 1000; step++)
        {
            using var scope = NewDisposeScope();
            model.zero_grad();
            var loss = F.cross_entropy(model.forward(x), y);
            loss.backward();
            using (no_grad())
                foreach (var p in parameters)
                    using (var g = p.grad!) p.sub_(g, 0.05);
            if (step == 0) first = loss.item<float>();
            if (step == 999) last = loss.item<float>();
        }
        model.zero_grad();
        Assert.Equal(start, TensorStatistics.Live);
        Assert.Equal(TensorStatistics.Live, TensorStatistics.NativeLive);
        Assert.True(last < first * 0.8, $"loss should fall: {first} -> {last}");
    }
}

public class ModuleSerializationTests
{
    [Fact]
    public void SaveThenLoad_ReproducesOutputs_AndWrongArchitectureNamesTheKeys()
    {
        var dir = Directory.CreateTempSubdirectory("seggan-module-");
        try
        {
            var path = Path.Combine(dir.FullName, "model.safetensors");
            using var a = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4));
            using var b = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4));
            using var x = randn(2, 3, 6, 6);
            using (var _ = a.forward(x)) { } // moves the running statistics away from their defaults
            a.save(path);
            b.load(path);
            a.eval(); b.eval();
            using var ya = a.forward(x);
            using var yb = b.forward(x);
            Assert.True(ya.allclose(yb, 0, 0));

            using var other = nn.Sequential(nn.Conv2d(3, 8, 3));
            var e = Assert.Throws<StateDictException>(() => other.load(path));
            Assert.Contains("size mismatch for 0.weight", e.Message);
            Assert.Contains("1.running_mean", e.Unexpected);
        }
        finally { dir.Delete(true); }
    }
}
