#!/usr/bin/env python3
"""The PyTorch side of bench/data.sh: PIL + torchvision + torch.utils.data.DataLoader on CamVid.

The same work as bench/DataBench's throughput mode: decode the PNG image and its label map,
random 256x256 crop (padded with the ignore label where the image is smaller), horizontal flip,
ColorJitter(0.2, 0.2, 0.2, 0.05), ToTensor + ImageNet Normalize, int64 masks, batches of 8 from
shuffled samples with N (persistent) worker processes. Prints the CPU time per image of this process and its
workers ("cpu_ms_per_image") and "images_per_s <rate>" over the timed batches.
Run with Debian's PyTorch: /usr/bin/python3 bench/pytorch/data_bench.py --root ../shared/datasets/camvid
"""
import argparse
import os
import random
import time

import numpy as np
import torch
import torchvision.transforms as T
import torchvision.transforms.functional as TF
from PIL import Image


class CamVid(torch.utils.data.Dataset):
    def __init__(self, root, crop, ignore=11):
        self.pairs = []
        with open(os.path.join(root, "train.txt")) as f:
            for line in f:
                if line.strip():
                    image, mask = line.split()
                    # The SegNet lists hold absolute /SegNet/CamVid/... paths: keep folder/file.
                    self.pairs.append(tuple(os.path.join(root, *p.split("/")[-2:]) for p in (image, mask)))
        self.crop, self.ignore = crop, ignore
        self.jitter = T.ColorJitter(0.2, 0.2, 0.2, 0.05)
        self.normalize = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, index):
        image = Image.open(self.pairs[index][0]).convert("RGB")
        mask = Image.open(self.pairs[index][1])
        crop_w, crop_h = self.crop
        if image.width < crop_w or image.height < crop_h:
            image = TF.pad(image, [0, 0, max(0, crop_w - image.width), max(0, crop_h - image.height)], fill=0)
            mask = TF.pad(mask, [0, 0, max(0, crop_w - mask.width), max(0, crop_h - mask.height)], fill=self.ignore)
        top, left, h, w = T.RandomCrop.get_params(image, (crop_h, crop_w))
        image, mask = TF.crop(image, top, left, h, w), TF.crop(mask, top, left, h, w)
        if random.random() < 0.5:
            image, mask = TF.hflip(image), TF.hflip(mask)
        image = self.normalize(TF.to_tensor(self.jitter(image)))
        return image, torch.as_tensor(np.array(mask), dtype=torch.int64)


def cpu_seconds(pids):
    """User + system CPU time of the given processes so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])   # utime, stime
    return total / ticks


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--batches", type=int, default=40)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--crop", type=int, default=256)
    a = p.parse_args()
    torch.manual_seed(0)
    random.seed(0)
    loader = torch.utils.data.DataLoader(CamVid(a.root, (a.crop, a.crop)), batch_size=a.batch, shuffle=True,
                                         num_workers=a.workers, drop_last=True, persistent_workers=a.workers > 0)
    batches = 0
    start = cpu_start = None
    it = iter(loader)
    pids = [os.getpid()] + [w.pid for w in getattr(it, "_workers", [])]
    while batches < a.warmup + a.batches:
        try:
            images, masks = next(it)
        except StopIteration:
            it = iter(loader)
            pids = [os.getpid()] + [w.pid for w in getattr(it, "_workers", [])]
            continue
        assert images.shape == (a.batch, 3, a.crop, a.crop) and masks.dtype == torch.int64
        batches += 1
        if batches == a.warmup:
            start, cpu_start = time.perf_counter(), cpu_seconds(pids)
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds(pids) - cpu_start
    print(f"cpu_ms_per_image {cpu * 1000 / (a.batches * a.batch):.2f}")
    print(f"images_per_s {a.batches * a.batch / elapsed:.2f}")


if __name__ == "__main__":
    main()
