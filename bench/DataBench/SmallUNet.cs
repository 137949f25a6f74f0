using SegGanLab.Torch;
using static SegGanLab.Torch.torch;
using F = SegGanLab.Torch.torch.nn.functional;

namespace SegGanLab.Bench;

/// <summary>A small U-Net (3 poolings, widths w, 2w, 4w, 8w) for calibrating the synthetic dataset; the real models live in SegGanLab.Models.</summary>
internal sealed class SmallUNet : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> _enc1, _enc2, _enc3, _bottom, _dec3, _dec2, _dec1, _head;
    readonly nn.Module<Tensor, Tensor> _up3, _up2, _up1;

    public SmallUNet(int classes, int width) : base(nameof(SmallUNet))
    {
        _enc1 = Block(3, width);
        _enc2 = Block(width, 2 * width);
        _enc3 = Block(2 * width, 4 * width);
        _bottom = Block(4 * width, 8 * width);
        _up3 = nn.ConvTranspose2d(8 * width, 4 * width, 2, stride: 2);
        _dec3 = Block(8 * width, 4 * width);
        _up2 = nn.ConvTranspose2d(4 * width, 2 * width, 2, stride: 2);
        _dec2 = Block(4 * width, 2 * width);
        _up1 = nn.ConvTranspose2d(2 * width, width, 2, stride: 2);
        _dec1 = Block(2 * width, width);
        _head = nn.Conv2d(width, classes, 1);
        RegisterComponents();
    }

    static nn.Module<Tensor, Tensor> Block(int input, int output) => nn.Sequential(
        nn.Conv2d(input, output, 3, padding: 1, bias: false), nn.BatchNorm2d(output), nn.ReLU(),
        nn.Conv2d(output, output, 3, padding: 1, bias: false), nn.BatchNorm2d(output), nn.ReLU());

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var e1 = _enc1.forward(x);
        var e2 = _enc2.forward(F.max_pool2d(e1, (2, 2)));
        var e3 = _enc3.forward(F.max_pool2d(e2, (2, 2)));
        var b = _bottom.forward(F.max_pool2d(e3, (2, 2)));
        var d3 = _dec3.forward(cat([_up3.forward(b), e3], 1));
        var d2 = _dec2.forward(cat([_up2.forward(d3), e2], 1));
        var d1 = _dec1.forward(cat([_up1.forward(d2), e1], 1));
        return scope.MoveToOuter(_head.forward(d1));
    }
}

/// <summary>A per-pixel colour classifier (1x1 convolutions only): what colour alone can tell.</summary>
internal sealed class PixelColorNet : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> _net;

    public PixelColorNet(int classes, int hidden) : base(nameof(PixelColorNet))
    {
        _net = nn.Sequential(nn.Conv2d(3, hidden, 1), nn.ReLU(), nn.Conv2d(hidden, hidden, 1), nn.ReLU(), nn.Conv2d(hidden, classes, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _net.forward(x);
}
