using SegGanLab.Models;
using SegGanLab.Torch;

namespace SegGanLab.Experiments.Tests.Fixtures;

/// <summary>A segmenter for 3-channel images and 6 classes whose inner U-Net wants 4 input channels: it fails only when run.</summary>
sealed class MisfitSegmenter : SegmentationModel
{
    readonly UNet _inner = Models.Models.UNet(inChannels: 4, numClasses: 6, depth: 2, baseWidth: 4);

    public MisfitSegmenter() : base(nameof(MisfitSegmenter), 3, 6) => register_module("inner", _inner);

    protected override Tensor ForwardChecked(Tensor input) => _inner.forward(input);
}
