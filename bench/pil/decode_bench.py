#!/usr/bin/env python3
"""The PIL side of bench/imaging.sh: decode every file of --list --repeat times after one warm-up
pass, on one thread, as a PIL + torchvision dataset does (torchvision's pil_loader:
Image.open(path).convert("RGB")), up to decoded pixels in PIL's memory. Turning them into a numpy
array (np.asarray) would cost PIL several times the decode again; it is left out so the comparison
favours PIL. Time is this process's CPU time, as in bench/ImagingBench. Prints
"images_per_s <rate>" (images per CPU second)."""
import argparse
import time

from PIL import Image

# SegGanLab's ColorMode -> the PIL conversion a loader would do (Labels: the stored values).
CONVERT = {"rgb": "RGB", "gray": "L", "labels": None, "auto": None}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--list", required=True)
    p.add_argument("--mode", default="rgb")
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    files = [l.strip() for l in open(a.list) if l.strip()]
    convert = CONVERT[a.mode.lower()]

    def one_pass():
        s = 0
        for f in files:
            im = Image.open(f)
            im.load()
            if convert is not None:
                im = im.convert(convert)
            s += im.getpixel((0, 0)) if im.mode in ("L", "P") else im.getpixel((0, 0))[0]
        return s

    one_pass()
    t0 = time.process_time()
    for _ in range(a.repeat):
        one_pass()
    print("images_per_s %.1f" % (len(files) * a.repeat / (time.process_time() - t0)))


if __name__ == "__main__":
    main()
