"""Writes torchvision backbones and their stage outputs for SegGanLab's interop tests.

Usage: /usr/bin/python3 torchvision_backbones.py OUT_DIR

No download: randomly initialised models with fixed seeds, in evaluation mode.
- resnet18.safetensors: torchvision's resnet18 state dict, written by
  scripts/export_torchvision_weights.py itself (its command line, --random-init --seed 0);
- resnet18_features.safetensors: "input" [2, 3, 64, 48] and the outputs of layer1..layer4;
- vgg16_bn.safetensors: the "features.*" part of vgg16_bn's state dict, built by the function
  torchvision's vgg16_bn uses (its classifier alone would be 120M values);
- vgg16_bn_features.safetensors: "input" [1, 3, 64, 64] and the features' output.
Prints {"files": [...]} as JSON.
"""
import contextlib
import os
import sys

import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_torchvision_weights as export  # noqa: E402  (copied next to this script by the test project)


def main(out):
    torch.set_num_threads(1)
    resnet_path = os.path.join(out, "resnet18.safetensors")
    with contextlib.redirect_stdout(sys.stderr):   # only the final JSON goes to stdout
        export.main(["resnet18", resnet_path, "--random-init", "--seed", "0"])
    torch.manual_seed(0)
    resnet = torchvision.models.resnet18(weights=None).eval()   # the same draws as the export
    torch.manual_seed(1)
    x = torch.randn(2, 3, 64, 48)
    with torch.no_grad():
        h = resnet.maxpool(resnet.relu(resnet.bn1(resnet.conv1(x))))
        stages = {"input": x}
        for name in ("layer1", "layer2", "layer3", "layer4"):
            h = getattr(resnet, name)(h)
            stages[name] = h
    export.write_safetensors(stages, os.path.join(out, "resnet18_features.safetensors"))

    torch.manual_seed(2)
    # torchvision builds vgg16_bn's features with exactly this call; skipping the classifier saves 120M values.
    features = torchvision.models.vgg.make_layers(torchvision.models.vgg.cfgs["D"], batch_norm=True).eval()
    export.write_safetensors({"features." + k: v for k, v in features.state_dict().items()}, os.path.join(out, "vgg16_bn.safetensors"))
    torch.manual_seed(3)
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        export.write_safetensors({"input": x, "features": features(x)}, os.path.join(out, "vgg16_bn_features.safetensors"))
    print('{"files": %d}' % len(os.listdir(out)))


if __name__ == "__main__":
    main(sys.argv[1])
