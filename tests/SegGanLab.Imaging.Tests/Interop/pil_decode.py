#!/usr/bin/env python3
"""Decode images with PIL for the interop tests; prints one JSON object per file.

    /usr/bin/python3 pil_decode.py [--mode MODE] FILE...

MODE is a PIL mode to convert to first (e.g. RGB, L); without it the file's own
samples are returned: palette images as their indices with the palette.
Each object: {"file", "format", "mode", "width", "height", "channels",
"sha256" (of the raw samples), "pixels" (base64), "palette" ([[r, g, b], ...]
or null), "alpha" (palette alphas or null)}.
"""
import base64
import hashlib
import json
import sys

import numpy as np
from PIL import Image


def decode(path, mode):
    im = Image.open(path)
    im.load()
    if mode:
        im = im.convert(mode)
    a = np.asarray(im)
    if im.mode == "1":
        a = a.astype(np.uint8) * 255
    a = np.ascontiguousarray(a, dtype=np.uint8)
    palette = alpha = None
    if im.mode == "P":
        flat = im.getpalette()
        palette = [flat[i:i + 3] for i in range(0, len(flat), 3)]
        t = im.info.get("transparency")
        if isinstance(t, (bytes, bytearray)):
            alpha = list(t)
    raw = a.tobytes()
    return {"file": path, "format": im.format, "mode": im.mode, "width": im.width, "height": im.height,
            "channels": 1 if a.ndim == 2 else a.shape[2], "sha256": hashlib.sha256(raw).hexdigest(),
            "pixels": base64.b64encode(raw).decode("ascii"), "palette": palette, "alpha": alpha}


def main():
    args = sys.argv[1:]
    mode = None
    if args[:1] == ["--mode"]:
        mode, args = args[1], args[2:]
    json.dump([decode(p, mode) for p in args], sys.stdout)


if __name__ == "__main__":
    main()
