#!/usr/bin/env python3
"""Export a torchvision model's weights to a safetensors file that SegGanLab's backbones load.

Usage (Debian's PyTorch, not another python3 on PATH):

    /usr/bin/python3 scripts/export_torchvision_weights.py resnet50 weights/resnet50.safetensors
    /usr/bin/python3 scripts/export_torchvision_weights.py vgg16_bn weights/vgg16_bn.safetensors

MODEL is a torchvision classification model: resnet18, resnet34 and resnet50 for the FCN and
DeepLabV3+ backbones, vgg16_bn for SegNet's encoder (any other name torchvision knows works too,
e.g. vgg19 for a perceptual loss). The pretrained weights are downloaded by torchvision on first
use, so this needs internet access on the machine that runs it (they are cached under
~/.cache/torch/hub/checkpoints); copy the .safetensors file to the training machine afterwards.

--random-init skips the download and exports a randomly initialised model (seeded with --seed):
useful to test the pipeline without network.

The file holds every entry of the model's state dict under torchvision's names (float32, and
int64 for batch-norm counters), written with json and numpy (through tensor.numpy()) only, so the safetensors package is
not needed. SegGanLab ignores the classifier's tensors when it loads a backbone.
"""
import argparse
import json
import os
import struct
import sys

import torch
import torchvision

DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.int64: "I64", torch.int32: "I32", torch.uint8: "U8", torch.bool: "BOOL"}


def write_safetensors(tensors, path, metadata=None):
    """Writes an ordered {name: tensor} mapping as a safetensors file (header JSON, then row-major little-endian data)."""
    header = {"__metadata__": dict(metadata or {})}
    chunks, offset = [], 0
    for name, tensor in tensors.items():
        tensor = tensor.detach().cpu().contiguous()
        if tensor.dtype not in DTYPES:
            raise ValueError("%s: dtype %s is not supported" % (name, tensor.dtype))
        array = tensor.numpy()
        data = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    temporary = path + ".partial"
    with open(temporary, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in chunks:
            f.write(data)
    os.replace(temporary, path)


def build(model, weights, random_init, seed):
    """The torchvision model, pretrained (downloading if needed) or randomly initialised."""
    if random_init:
        torch.manual_seed(seed)
        return torchvision.models.get_model(model, weights=None)
    return torchvision.models.get_model(model, weights=weights)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="torchvision model name: resnet18, resnet34, resnet50, vgg16_bn, ...")
    parser.add_argument("output", help="the .safetensors file to write")
    parser.add_argument("--weights", default="DEFAULT", help="torchvision weights name (default: DEFAULT, the best available)")
    parser.add_argument("--random-init", action="store_true", help="export a randomly initialised model instead (no download)")
    parser.add_argument("--seed", type=int, default=0, help="seed for --random-init")
    args = parser.parse_args(argv)
    if args.model not in torchvision.models.list_models():
        parser.error("torchvision has no model '%s'; try resnet18, resnet34, resnet50 or vgg16_bn" % args.model)
    try:
        net = build(args.model, args.weights, args.random_init, args.seed).eval()
    except OSError as e:  # URLError and friends: no network, proxy, full disk
        sys.exit("could not get the %s weights for %s (%s): this step downloads them and needs internet access; "
                 "run it where there is network and copy the file over, or use --random-init to test without" % (args.weights, args.model, e))
    source = "random-init seed %d" % args.seed if args.random_init else args.weights
    write_safetensors(net.state_dict(), args.output, {
        "format": "pt", "model": args.model, "weights": source, "torchvision": torchvision.__version__})
    count = sum(t.numel() for t in net.state_dict().values())
    print("wrote %s: %s (%s), %d tensors, %d values" % (args.output, args.model, source, len(net.state_dict()), count))


if __name__ == "__main__":
    main(sys.argv[1:])
