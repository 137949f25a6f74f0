using SegGanLab.Torch;
using SegGanLab.Torch.Modules;
using static SegGanLab.Torch.torch;

namespace SegGanLab.Bench;

// The benchmark's networks, layer for layer the same as bench/pytorch/step_bench.py: a small
// pix2pix-style U-Net generator and a 3-layer PatchGAN discriminator. They are written here with
// nn directly so that the benchmark measures the tensor layer, not the model zoo.

/// <summary>A pix2pix-style U-Net: 4x4 stride-2 convolutions down, transposed convolutions up, skips concatenated.</summary>
sealed class UNetGenerator : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<Sequential> _down;
    readonly ModuleList<Sequential> _up;
    readonly ConvTranspose2d _outermost;

    public UNetGenerator(int inChannels, int outChannels, int width, int depth) : base(nameof(UNetGenerator))
    {
        var widths = Enumerable.Range(0, depth).Select(level => width << Math.Min(level, 3)).ToArray();
        var down = new List<Sequential> { nn.Sequential(nn.Conv2d(inChannels, widths[0], 4, stride: 2, padding: 1), nn.LeakyReLU(0.2)) };
        for (var level = 1; level < depth; level++)
            down.Add(nn.Sequential(nn.Conv2d(widths[level - 1], widths[level], 4, stride: 2, padding: 1, bias: false),
                                   nn.BatchNorm2d(widths[level]), nn.LeakyReLU(0.2)));
        var up = new List<Sequential>();
        for (var level = depth - 1; level >= 1; level--)
        {
            // The innermost block sees only the bottleneck; the others see the previous block's output and the skip.
            var input = level == depth - 1 ? widths[level] : widths[level] * 2;
            up.Add(nn.Sequential(nn.ConvTranspose2d(input, widths[level - 1], 4, stride: 2, padding: 1, bias: false),
                                 nn.BatchNorm2d(widths[level - 1]), nn.ReLU()));
        }
        _down = nn.ModuleList(down.ToArray());
        _up = nn.ModuleList(up.ToArray());
        _outermost = nn.ConvTranspose2d(widths[0] * 2, outChannels, 4, stride: 2, padding: 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var skips = new List<Tensor>();
        foreach (var block in _down) skips.Add(x = block.forward(x));
        for (var k = 0; k < _up.Count; k++)
            x = _up[k].forward(k == 0 ? skips[^1] : cat([x, skips[^(k + 1)]], 1));
        return _outermost.forward(cat([x, skips[0]], 1)).tanh();
    }
}

/// <summary>pix2pix's 70x70 PatchGAN (n_layers = 3) on image and output concatenated.</summary>
sealed class PatchDiscriminator : nn.Module<Tensor, Tensor>
{
    readonly Sequential _net;

    public PatchDiscriminator(int inChannels, int width) : base(nameof(PatchDiscriminator))
    {
        _net = nn.Sequential(
            nn.Conv2d(inChannels, width, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
            nn.Conv2d(width, width * 2, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(width * 2), nn.LeakyReLU(0.2),
            nn.Conv2d(width * 2, width * 4, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(width * 4), nn.LeakyReLU(0.2),
            nn.Conv2d(width * 4, width * 8, 4, stride: 1, padding: 1, bias: false), nn.BatchNorm2d(width * 8), nn.LeakyReLU(0.2),
            nn.Conv2d(width * 8, 1, 4, stride: 1, padding: 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _net.forward(x);
}
