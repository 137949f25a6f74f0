#!/usr/bin/env python3
"""Runs scripts/export_vgg19_features.py on a torchvision-style VGG-19 checkpoint, in one interpreter.

    /usr/bin/python3 torchvision_vgg19_checkpoint.py FOLDER

Writes FOLDER/vgg19.pth (torch.save of a state dict: torchvision's own vgg19 features with
random init, seed 0, up to conv3_4 = features.16, plus a classifier tensor, so the export must
pick conv1_1..conv3_3 and leave the rest), then calls the export script's main() as its command
line would, writing FOLDER/vgg19_features.safetensors. Prints JSON: torchvision's conv3_3
features (features[:15]) of the input linspace(-1, 1, 192) shaped [1, 3, 8, 8].
"""
import contextlib
import io
import json
import os
import sys

import torch
from torchvision.models import vgg

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_vgg19_features  # noqa: E402  (copied beside this file by the test project)

folder = sys.argv[1]
checkpoint = os.path.join(folder, "vgg19.pth")
torch.manual_seed(0)
features = vgg.make_layers(vgg.cfgs["E"])[:17].eval()
state = {"features." + k: v for k, v in features.state_dict().items()}
state["classifier.6.bias"] = torch.zeros(1000)
torch.save(state, checkpoint)

sys.argv = ["export_vgg19_features.py", os.path.join(folder, "vgg19_features.safetensors"), "--checkpoint", checkpoint]
with contextlib.redirect_stdout(io.StringIO()):
    export_vgg19_features.main()

with torch.no_grad():
    out = features[:15](torch.linspace(-1, 1, 192).reshape(1, 3, 8, 8))
print(json.dumps({"features": [float(v) for v in out.reshape(-1)]}))
