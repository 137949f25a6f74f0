#!/usr/bin/env python3
"""Export torchvision's ImageNet VGG-19 weights for SegGanLab's perceptual loss.

    /usr/bin/python3 scripts/export_vgg19_features.py vgg19_features.safetensors
    /usr/bin/python3 scripts/export_vgg19_features.py vgg19_features.safetensors --checkpoint vgg19-dcbb9e9d.pth

Without --checkpoint, torchvision downloads its ImageNet VGG-19 weights (network access once, on
the machine that runs this). With --checkpoint, a state dict saved with torch.save (torchvision's
vgg19-dcbb9e9d.pth, or any dict holding features.N.weight/bias) is read offline.

Writes the float32 tensors of vgg19().features[:15] (conv1_1 to conv3_3) under torchvision's names,
features.0.weight ... features.14.bias, as a safetensors file (written here with json + numpy, no
safetensors package needed). SegGanLab reads it with Vgg19Features.Load, or through
PerceptualLoss(weightsPath) / the SEGGAN_VGG19_WEIGHTS environment variable.
"""
import argparse
import json
import struct
import sys

import numpy as np
import torch

CONVOLUTIONS = (0, 2, 5, 7, 10, 12, 14)  # conv1_1, conv1_2, conv2_1, conv2_2, conv3_1, conv3_2, conv3_3


def load_state(checkpoint):
    if checkpoint is None:
        import torchvision
        weights = torchvision.models.VGG19_Weights.IMAGENET1K_V1
        return torchvision.models.vgg19(weights=weights).state_dict()
    state = torch.load(checkpoint, map_location="cpu")
    return state.get("state_dict", state) if isinstance(state, dict) else state.state_dict()


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        data = np.ascontiguousarray(t.detach().cpu().to(torch.float32).numpy()).tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"source": "torchvision vgg19 features[:15]"}
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)  # the format pads the header to 8 bytes
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for blob in blobs:
            f.write(blob)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="the .safetensors file to write")
    parser.add_argument("--checkpoint", help="a torch.save'd VGG-19 state dict to read instead of downloading")
    args = parser.parse_args()
    state = load_state(args.checkpoint)
    tensors = {}
    for index in CONVOLUTIONS:
        for kind in ("weight", "bias"):
            name = "features.%d.%s" % (index, kind)
            if name not in state:
                sys.exit("error: %s has no tensor %s; is it a VGG-19 state dict?" % (args.checkpoint, name))
            tensors[name] = state[name]
    write_safetensors(args.output, tensors)
    print("wrote %s: %s" % (args.output, ", ".join(tensors)))


if __name__ == "__main__":
    main()
