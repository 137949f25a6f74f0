#!/usr/bin/env python3
"""Reference numbers for the SegGanLab.Metrics tests, computed with numpy only.

Run from the repository root with Debian's Python (python3-numpy):

    /usr/bin/python3 tests/golden/make_metrics_golden.py

Writes tests/SegGanLab.Metrics.Tests/Golden/metrics.json in make_golden.py's layout: every
case stores its input arrays under "inputs" (tensors as {shape, dtype, data}); the expected
metrics live under "params"/"expected" as plain JSON, with null where a metric is undefined
(NaN in memory). The fixtures hold ignored pixels, a class absent from the ground truth but
predicted, a class absent from both, a batch stream, and binary (sigmoid + threshold) logits.
The confusion matrix is counted pixel by pixel and the metrics follow their textbook
definitions, independently of the C# code they check.
"""
import json
import math
import os

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

IGNORE = 255
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "SegGanLab.Metrics.Tests", "Golden", "metrics.json")


def T(a):
    a = np.ascontiguousarray(a)
    dtype = {np.dtype(np.float64): "float64", np.dtype(np.float32): "float32", np.dtype(np.int64): "int64"}[a.dtype]
    return {"shape": list(a.shape), "dtype": dtype, "data": [float(v) if dtype != "int64" else int(v) for v in a.reshape(-1)]}


def num(v):
    return None if isinstance(v, float) and math.isnan(v) else float(v)


# ----------------------------------------------------------------------------
# Segmentation metrics
# ----------------------------------------------------------------------------

def confusion(truth, pred, classes, ignore):
    m = np.zeros((classes, classes), dtype=np.int64)
    for t, p in zip(truth.reshape(-1), pred.reshape(-1)):
        if ignore is not None and t == ignore:
            continue
        m[t, p] += 1
    return m


def ratio(a, b):
    return a / b if b != 0 else float("nan")


def metrics(m):
    classes = m.shape[0]
    rows, iou, acc, dice = [], [], [], []
    for c in range(classes):
        tp = m[c, c]
        fn = m[c, :].sum() - tp
        fp = m[:, c].sum() - tp
        row = {"iou": ratio(tp, tp + fp + fn), "acc": ratio(tp, tp + fn), "dice": ratio(2 * tp, 2 * tp + fp + fn),
               "precision": ratio(tp, tp + fp)}
        rows.append(row)
        iou.append(row["iou"])
        acc.append(row["acc"])
        dice.append(row["dice"])
    total = m.sum()
    freq = m.sum(axis=1) / total
    fw = sum(f * i for f, i in zip(freq, iou) if f > 0)
    # AdvSemiSeg's evaluate.py: the mean over classes whose intersection is non-zero.
    adv = [m[c, c] / (m[c, :].sum() + m[:, c].sum() - m[c, c]) for c in range(classes) if m[c, c] != 0]
    return {
        "confusion": m.tolist(),
        "per_class": [{k: num(v) for k, v in r.items()} for r in rows],
        "summary": {"mIoU": num(np.nanmean(iou)), "mAcc": num(np.nanmean(acc)), "aAcc": num(np.trace(m) / total),
                    "mDice": num(np.nanmean(dice)), "fwIoU": num(fw)},
        "advsemiseg_miou": float(np.mean(adv)),
    }


def multiclass_scores(rng):
    """Logits [2, 6, 6, 7]: ground truth uses classes 0-3; class 4 is sometimes predicted; class 5 never occurs."""
    logits = rng.normal(size=(2, 6, 6, 7)).astype(np.float32)
    logits[:, 5] = -10.0
    target = rng.integers(0, 4, size=(2, 6, 7)).astype(np.int64)
    target[rng.random(size=target.shape) < 0.15] = IGNORE
    pred = logits.argmax(axis=1)
    m = confusion(target, pred, 6, IGNORE)
    assert m[:, 4].sum() > 0 and m[4, :].sum() == 0 and m[5, :].sum() == 0 and m[:, 5].sum() == 0
    return {"inputs": {"logits": T(logits), "target": T(target)},
            "params": {"num_classes": 6, "ignore_index": IGNORE, "expected": metrics(m)}, "outputs": {}}


def label_stream(rng):
    """Three batches of predicted labels [3, 5, 5], no ignore index; class 2 is never predicted correctly."""
    batches = []
    total = np.zeros((4, 4), dtype=np.int64)
    for _ in range(3):
        target = rng.integers(0, 4, size=(3, 5, 5)).astype(np.int64)
        pred = rng.integers(0, 4, size=(3, 5, 5)).astype(np.int64)
        pred[pred == 2] = 1
        batches.append((pred, target))
        total += confusion(target, pred, 4, None)
    inputs = {}
    for k, (p, t) in enumerate(batches):
        inputs["pred_%d" % k] = T(p)
        inputs["target_%d" % k] = T(t)
    expected = metrics(total)
    assert expected["advsemiseg_miou"] > expected["summary"]["mIoU"]
    return {"inputs": inputs, "params": {"num_classes": 4, "batches": len(batches), "expected": expected}, "outputs": {}}


def binary(rng, threshold):
    """Single-channel logits [2, 1, 8, 8] (kept away from the threshold), labels 0/1 with ignored pixels."""
    logits = rng.normal(scale=2.0, size=(2, 1, 8, 8))
    prob = 1 / (1 + np.exp(-logits))
    logits[np.abs(prob - threshold) < 1e-3] += 0.1
    target = rng.integers(0, 2, size=(2, 8, 8)).astype(np.int64)
    target[rng.random(size=target.shape) < 0.1] = IGNORE
    pred = (1 / (1 + np.exp(-logits)) > threshold).astype(np.int64)[:, 0]
    m = confusion(target, pred, 2, IGNORE)
    return {"inputs": {"logits": T(logits), "target": T(target)},
            "params": {"threshold": threshold, "ignore_index": IGNORE, "expected": metrics(m)}, "outputs": {}}


# ----------------------------------------------------------------------------
# PSNR and SSIM (Wang et al. 2004: Gaussian window 11, sigma 1.5, K1 0.01, K2 0.03)
# ----------------------------------------------------------------------------

def gaussian_window(size=11, sigma=1.5):
    k = np.arange(size) - size // 2
    g = np.exp(-(k ** 2) / (2 * sigma ** 2))
    g /= g.sum()
    return np.outer(g, g)


def ssim_image(x, y, data_range):
    w = gaussian_window()
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    maps = []
    for c in range(x.shape[0]):
        X = sliding_window_view(x[c], w.shape)
        Y = sliding_window_view(y[c], w.shape)
        mx = (X * w).sum(axis=(-2, -1))
        my = (Y * w).sum(axis=(-2, -1))
        dx = X - mx[..., None, None]
        dy = Y - my[..., None, None]
        vx = (dx * dx * w).sum(axis=(-2, -1))
        vy = (dy * dy * w).sum(axis=(-2, -1))
        cxy = (dx * dy * w).sum(axis=(-2, -1))
        maps.append(((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2)))
    return float(np.mean(maps))


def psnr_image(x, y, data_range):
    return float(10 * np.log10(data_range ** 2 / np.mean((x - y) ** 2)))


def restoration(rng, shape, data_range, low):
    target = rng.uniform(low, low + data_range, size=shape)
    output = np.clip(target + rng.normal(scale=0.1 * data_range, size=shape), low, low + data_range)
    return {"inputs": {"output": T(output), "target": T(target)},
            "params": {"data_range": data_range,
                       "expected": {"psnr": [psnr_image(o, t, data_range) for o, t in zip(output, target)],
                                    "ssim": [ssim_image(o, t, data_range) for o, t in zip(output, target)]}},
            "outputs": {}}


def main():
    rng = np.random.default_rng(20240603)
    cases = {
        "multiclass_scores": multiclass_scores(rng),
        "label_stream": label_stream(rng),
        "binary_threshold_0.5": binary(rng, 0.5),
        "binary_threshold_0.7": binary(rng, 0.7),
        "restoration_rgb": restoration(rng, (2, 3, 16, 16), 1.0, 0.0),
        "restoration_gray_signed": restoration(rng, (3, 1, 12, 13), 2.0, -1.0),
    }
    doc = {"numpy_version": np.__version__, "seed": 20240603, "cases": cases}
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %s (%d cases, %d bytes)" % (os.path.normpath(OUT_PATH), len(cases), os.path.getsize(OUT_PATH)))


if __name__ == "__main__":
    main()
