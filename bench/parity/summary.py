#!/usr/bin/env python3
"""Compares a SegGanLab run folder with a PyTorch one (bench/parity.sh's last step).

    /usr/bin/python3 bench/parity/summary.py SEGGAN_RUN PYTORCH_RUN

Prints the final val metrics side by side, the per-class IoU, the mIoU curve at every shared
evaluation step and the median wall time of a training step (from the per-step `time` of the
train records, skipping the first WARMUP steps; the median leaves out the steps that paid for an
evaluation). Last line: camvid_miou <SegGanLab %> <PyTorch %> step_ratio <SegGanLab / PyTorch>.
"""
import json
import os
import statistics
import sys

WARMUP = 5


def read(folder):
    path = os.path.join(folder, "metrics.jsonl")
    if not os.path.isfile(path):
        sys.exit("summary.py: %s has no metrics.jsonl: give the run folders the two parity runs wrote" % folder)
    train, evals = [], []
    with open(path) as f:
        for line in f:
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue  # an unfinished last line
            (train if r.get("kind") == "train" else evals if r.get("kind") == "eval" else []).append(r)
    if not evals:
        sys.exit("summary.py: %s has no evaluation yet" % folder)
    return train, evals


def ms_per_step(train):
    times = {r["step"]: r["time"] for r in train}
    deltas = [(times[s] - times[s - 1]) * 1000 for s in sorted(times) if s > WARMUP and s - 1 in times]
    return statistics.median(deltas) if deltas else float("nan")


def pct(v):
    return "   -  " if v is None else "%6.2f" % (100 * v)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    (ours_train, ours_evals), (theirs_train, theirs_evals) = read(sys.argv[1]), read(sys.argv[2])
    ours, theirs = ours_evals[-1], theirs_evals[-1]
    if ours["step"] != theirs["step"]:
        print("warning: the last evaluations are at different steps (%d vs %d)" % (ours["step"], theirs["step"]), file=sys.stderr)
    print("final val metrics at step %d   SegGanLab  PyTorch" % ours["step"])
    for name in ("mIoU", "mAcc", "aAcc"):
        print("  %-28s %8s  %7s" % (name, pct(ours["metrics"].get(name)), pct(theirs["metrics"].get(name))))
    print("per-class IoU")
    for a, b in zip(ours.get("per_class", []), theirs.get("per_class", [])):
        print("  %-28s %8s  %7s" % (a["name"], pct(a.get("iou")), pct(b.get("iou"))))
    print("val mIoU curve (step: SegGanLab / PyTorch)")
    theirs_by_step = {e["step"]: e["metrics"]["mIoU"] for e in theirs_evals}
    for e in ours_evals:
        if e["step"] in theirs_by_step:
            print("  %6d: %s / %s" % (e["step"], pct(e["metrics"]["mIoU"]).strip(), pct(theirs_by_step[e["step"]]).strip()))
    ours_ms, theirs_ms = ms_per_step(ours_train), ms_per_step(theirs_train)
    print("median ms per training step: SegGanLab %.1f, PyTorch %.1f" % (ours_ms, theirs_ms))
    print("camvid_miou %.2f %.2f step_ratio %.3f" % (100 * ours["metrics"]["mIoU"], 100 * theirs["metrics"]["mIoU"], ours_ms / theirs_ms))


if __name__ == "__main__":
    main()
