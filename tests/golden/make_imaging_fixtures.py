#!/usr/bin/env python3
"""Write the image-codec fixtures for SegGanLab.Imaging.Tests.

Run from the repository root with Debian's Python (PIL, numpy) and ImageMagick:

    /usr/bin/python3 tests/golden/make_imaging_fixtures.py

Independent encoders write small PNG and JPEG files into
tests/SegGanLab.Imaging.Tests/Fixtures/: PIL for what it writes, ImageMagick's
`convert` (/usr/bin/convert, libpng inside) for Adam7 interlacing, 16-bit and
low-bit-depth variants and forced scanline filters. The script checks every
file's IHDR says what the fixture is meant to cover, then records what the
files decode to in fixtures.json:

  {"pil_version", "imagemagick_version",
   "fixtures": [{"file", "format", "covers",
                 "info": {"width", "height", "color_type", "bit_depth", "interlaced", "palette_size"},
                 "expected": {"Auto"|"Rgb"|"Gray"|"Labels":
                                {"width", "height", "channels", "pixels": base64,
                                 "palette": [[r, g, b], ...] | null, "alpha": [...] | null}
                              | {"error": "colour"|"label-range"}},
                 "samples16": base64 of little-endian uint16 (16-bit PNGs only)}]}

Truth comes from a decoder other than ours: PIL's own PNG decoder (it does not
use libpng) and PIL's libjpeg-turbo for JPEG; for 16-bit samples, which PIL
truncates, ImageMagick reads the file back and the script checks it returns the
exact 16-bit source. Every truth is also checked against the source array the
fixture was made from. The other modes follow from the stored samples with the
documented rules (ColorMode in src/SegGanLab.Imaging): 16-bit -> round(v/257),
gray 1/2/4-bit scaled to 0..255 except as labels, ITU-R 601 luma as PIL's
convert("L"), palette -> colours, alpha dropped.

Deterministic: fixed seeds; re-running rewrites identical files. Never
regenerate to make a failing test pass.
"""
import base64
import json
import os
import struct
import subprocess
import tempfile
import zlib

import numpy as np
import PIL
from PIL import Image

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "..", "SegGanLab.Imaging.Tests", "Fixtures")
CONVERT = "/usr/bin/convert"  # ImageMagick itself, not a wrapper on PATH
NO_DATES = ["-define", "png:exclude-chunk=date,time"]  # keeps re-runs byte-identical
COLOR_TYPES = {0: "Gray", 2: "Rgb", 3: "Palette", 4: "GrayAlpha", 6: "Rgba"}
RNG = np.random.default_rng(20240607)
W, H = 13, 11  # odd sizes: partial bytes at low bit depths and uneven Adam7 passes

# Pascal VOC's colour map (bit-interleaved class index), entries 0..255.
def voc_palette():
    pal = []
    for i in range(256):
        r = g = b = 0
        c = i
        for j in range(8):
            r |= ((c >> 0) & 1) << (7 - j)
            g |= ((c >> 1) & 1) << (7 - j)
            b |= ((c >> 2) & 1) << (7 - j)
            c >>= 3
        pal.append((r, g, b))
    return pal


# ---------------------------------------------------------------- file helpers

def chunks(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, out = 8, []
    while pos < len(data):
        n, = struct.unpack(">I", data[pos:pos + 4])
        out.append((data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]))
        pos += 12 + n
    return out


def ihdr(path):
    body = chunks(path)[0][1]
    w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
    return w, h, depth, ctype, interlace


def scanline_filters(path):
    """Filter type of every scanline of a non-interlaced PNG."""
    w, h, depth, ctype, interlace = ihdr(path)
    assert interlace == 0
    raw = zlib.decompress(b"".join(b for t, b in chunks(path) if t == b"IDAT"))
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    row = (w * channels * depth + 7) // 8 + 1
    return {raw[i * row] for i in range(h)}


def write_pnm(path, a, maxval):
    """PGM/PPM (P5/P6) or PAM (P7) with 8- or 16-bit big-endian samples."""
    h, w = a.shape[:2]
    c = 1 if a.ndim == 2 else a.shape[2]
    dtype = ">u2" if maxval > 255 else "u1"
    body = a.astype(dtype).tobytes()
    if c in (1, 3):
        head = b"P5" if c == 1 else b"P6"
        open(path, "wb").write(head + b"\n%d %d\n%d\n" % (w, h, maxval) + body)
    else:
        tupl = {2: b"GRAYSCALE_ALPHA", 4: b"RGB_ALPHA"}[c]
        open(path, "wb").write(b"P7\nWIDTH %d\nHEIGHT %d\nDEPTH %d\nMAXVAL %d\nTUPLTYPE %s\nENDHDR\n"
                               % (w, h, c, maxval, tupl) + body)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def pack_rows(a, depth):
    """Rows of samples (HxW or HxWxC) as PNG scanline bytes without filter bytes."""
    h, w = a.shape[:2]
    channels = 1 if a.ndim == 2 else a.shape[2]
    flat = a.reshape(h, w * channels).astype(np.int64)
    rows = []
    for r in range(h):
        if depth == 16:
            rows.append(b"".join(struct.pack(">H", int(v)) for v in flat[r]))
        elif depth == 8:
            rows.append(bytes(int(v) for v in flat[r]))
        else:
            per = 8 // depth
            packed = bytearray((w * depth + 7) // 8)
            for i, v in enumerate(flat[r]):
                packed[i // per] |= int(v) << (8 - depth * (i % per + 1))
            rows.append(bytes(packed))
    return rows


def filter_rows(rows, bpp, filters):
    out, prior = bytearray(), bytes(len(rows[0]))
    for r, row in enumerate(rows):
        f = filters[r % len(filters)]
        out.append(f)
        for i, x in enumerate(row):
            a_ = row[i - bpp] if i >= bpp else 0
            b_ = prior[i]
            c_ = prior[i - bpp] if i >= bpp else 0
            pred = [0, a_, b_, (a_ + b_) // 2, paeth(a_, b_, c_)][f]
            out.append((x - pred) & 0xFF)
        prior = row
    return bytes(out)


def write_filtered_png(path, a, ctype, depth, filters, interlaced=False, palette=None):
    """A PNG whose scanline r (of each Adam7 pass when interlaced) is filtered with
    filters[r % len(filters)], written straight from the PNG specification (sections 8 and 9)."""
    h, w = a.shape[:2]
    channels = 1 if a.ndim == 2 else a.shape[2]
    bpp = max(1, channels * depth // 8)
    if interlaced:
        data = b"".join(filter_rows(pack_rows(a[y0::dy, x0::dx], depth), bpp, filters)
                        for x0, y0, dx, dy in ADAM7 if x0 < w and y0 < h)
    else:
        data = filter_rows(pack_rows(a, depth), bpp, filters)

    def chunk(t, body):
        return struct.pack(">I", len(body)) + t + body + struct.pack(">I", zlib.crc32(t + body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, int(interlaced)))
    if palette is not None:
        png += chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
    png += chunk(b"IDAT", zlib.compress(data, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


def magick(src_array, maxval, out, *options):
    with tempfile.TemporaryDirectory() as tmp:
        c = 1 if src_array.ndim == 2 else src_array.shape[2]
        src = os.path.join(tmp, "src." + ("pam" if c in (2, 4) else "pnm"))
        write_pnm(src, src_array, maxval)
        subprocess.run([CONVERT, src, *NO_DATES, *options, out], check=True)


def magick_samples16(path, channels):
    """ImageMagick's (libpng's) 16-bit reading of a file, as an HxWxC array."""
    fmt = {1: "gray", 2: "graya", 3: "rgb", 4: "rgba"}[channels]
    raw = subprocess.run([CONVERT, path, "-depth", "16", "-endian", "MSB", fmt + ":-"],
                         check=True, capture_output=True).stdout
    w, h = ihdr(path)[:2]
    return np.frombuffer(raw, dtype=">u2").reshape(h, w, channels).astype(np.int64)


# ---------------------------------------------------------------- expectations

def luma(rgb):
    r, g, b = (rgb[..., i].astype(np.int64) for i in range(3))
    return ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16).astype(np.uint8)


def reduce16(v):
    return ((v + 128) // 257).astype(np.uint8)


def entry(a, palette=None, alpha=None):
    a = np.ascontiguousarray(a, dtype=np.uint8)
    h, w = a.shape[:2]
    return {"width": w, "height": h, "channels": 1 if a.ndim == 2 else a.shape[2],
            "pixels": base64.b64encode(a.tobytes()).decode("ascii"),
            "palette": None if palette is None else [list(c) for c in palette],
            "alpha": alpha}


def expectations(stored, ctype, depth, palette=None, alpha=None, values16=None):
    """Every mode's result from the stored samples: stored is HxW(xC) uint8 as Auto returns it
    (gray 1/2/4-bit already scaled to 0..255, 16-bit already reduced), values16 the unreduced
    16-bit samples, palette a list of (r, g, b)."""
    e = {"Auto": entry(stored, palette, alpha)}
    if ctype == 3:
        pal = np.zeros((256, 3), np.uint8)
        pal[:len(palette)] = palette
        e["Rgb"] = entry(pal[stored])
        e["Gray"] = entry(luma(pal)[stored])
        e["Labels"] = entry(stored, palette, alpha)
        return e
    gray = ctype in (0, 4)
    first = stored if stored.ndim == 2 else stored[..., 0]
    e["Rgb"] = entry(np.stack([first] * 3, axis=-1) if gray else stored[..., :3])
    e["Gray"] = entry(first if gray else luma(stored[..., :3]))
    if not gray:
        e["Labels"] = {"error": "colour"}
    elif depth == 16:
        v = values16 if values16.ndim == 2 else values16[..., 0]
        e["Labels"] = {"error": "label-range"} if v.max() > 255 else entry(v)
    elif depth < 8:
        e["Labels"] = entry(first // (255 // ((1 << depth) - 1)))
    else:
        e["Labels"] = entry(first)
    return e


def pil_png(path):
    """PIL's decode as (stored uint8 samples, palette, alpha, 16-bit values or None)."""
    im = Image.open(path)
    im.load()
    if im.mode == "1":
        return np.asarray(im).astype(np.uint8) * 255, None, None, None
    if im.mode in ("I", "I;16", "I;16B"):
        v = np.asarray(im).astype(np.int64)
        return reduce16(v), None, None, v
    if im.mode == "P":
        pal = im.getpalette()
        n = len(pal) // 3
        palette = [tuple(pal[3 * i:3 * i + 3]) for i in range(n)]
        t = im.info.get("transparency")
        alpha = None
        if isinstance(t, (bytes, bytearray)):
            alpha = list(t) + [255] * (n - len(t)) if any(v != 255 for v in t) else None
        elif isinstance(t, int):
            alpha = [0 if i == t else 255 for i in range(n)]
        return np.asarray(im).astype(np.uint8), palette, alpha, None
    return np.asarray(im).astype(np.uint8), None, None, None


# ---------------------------------------------------------------- fixtures

FIXTURES = []


def add_png(name, covers, ctype, depth, interlaced, source, values16=None, palette_size=0, filters=None, colours=None):
    """Check the file's header and pixels, then record its expectations. source: what Auto must
    return, made from the array the file was written from (or colours: the RGB the palette
    indices must show, when the encoder chose the palette; palette_size -1 accepts its size)."""
    path = os.path.join(OUT, name)
    w, h, d, t, il = ihdr(path)
    assert (d, t, il) == (depth, ctype, int(interlaced)), (name, d, t, il)
    if filters is not None:
        assert scanline_filters(path) == filters, (name, scanline_filters(path))
    if depth == 16 and ctype != 0:
        channels = {2: 3, 4: 2, 6: 4}[ctype]
        v = magick_samples16(path, channels)
        assert (v == values16).all(), name
        stored, palette, alpha = reduce16(v), None, None
    else:
        stored, palette, alpha, v = pil_png(path)
        if depth == 16:
            assert (v == values16).all(), name
    plte = [b for ty, b in chunks(path) if ty == b"PLTE"]
    if colours is not None:
        assert (np.asarray(palette, np.uint8)[stored] == colours).all(), name
        source = stored
    assert stored.shape == source.shape and (stored == source).all(), name
    if ctype == 3:
        palette = palette[:len(plte[0]) // 3]  # PIL pads palettes to 256 entries
        alpha = None if alpha is None else alpha[:len(palette)]
    FIXTURES.append({
        "file": name, "format": "Png", "covers": covers,
        "info": {"width": w, "height": h, "color_type": COLOR_TYPES[ctype], "bit_depth": depth,
                 "interlaced": bool(interlaced), "palette_size": len(plte[0]) // 3 if plte else 0},
        "expected": expectations(stored, ctype, depth, palette, alpha, values16 if values16 is not None else v)})
    if depth == 16:
        # The unreduced samples (ImageFile.ReadSamples16), little-endian uint16.
        FIXTURES[-1]["samples16"] = base64.b64encode(np.ascontiguousarray(values16, "<u2").tobytes()).decode("ascii")
    assert palette_size in (-1, len(plte[0]) // 3 if plte else 0), name


def png_fixtures():
    im = lambda *shape: RNG.integers(0, 256, shape, dtype=np.int64)
    im16 = lambda *shape: RNG.integers(0, 65536, shape, dtype=np.int64)
    path = lambda n: os.path.join(OUT, n)

    # Gray at every depth, sequential and Adam7.
    for depth in (1, 2, 4, 8):
        levels = (1 << depth) - 1
        v = RNG.integers(0, levels + 1, (H, W)) * (255 // levels)
        for il in (False, True):
            n = "gray%d%s.png" % (depth, "_adam7" if il else "")
            opts = ["-define", "png:color-type=0", "-define", "png:bit-depth=%d" % depth]
            magick(v, 255, path(n), *opts, *(["-interlace", "PNG"] if il else []))
            add_png(n, "gray %d-bit%s (ImageMagick)" % (depth, ", Adam7" if il else ""), 0, depth, il, v.astype(np.uint8))
    v = im16(H, W)
    for il in (False, True):
        n = "gray16%s.png" % ("_adam7" if il else "")
        magick(v, 65535, path(n), "-define", "png:color-type=0", "-define", "png:bit-depth=16",
               *(["-interlace", "PNG"] if il else []))
        add_png(n, "gray 16-bit%s (ImageMagick)" % (", Adam7" if il else ""), 0, 16, il, reduce16(v), values16=v)
    labels16 = RNG.integers(0, 30, (H, W))
    magick(labels16, 65535, path("gray16_labels.png"), "-define", "png:color-type=0", "-define", "png:bit-depth=16")
    add_png("gray16_labels.png", "16-bit gray mask with values 0..29 (ImageMagick)", 0, 16, False,
            reduce16(labels16), values16=labels16)

    # PIL-written 1-bit and 8-bit gray, and gray with a tRNS colour key (ignored: stays 1 channel).
    v = im(H, W)
    Image.fromarray(v.astype(np.uint8), "L").save(path("gray8_pil.png"))
    add_png("gray8_pil.png", "gray 8-bit (PIL)", 0, 8, False, v.astype(np.uint8))
    bits = RNG.integers(0, 2, (H, W)).astype(bool)
    Image.fromarray(bits).save(path("gray1_pil.png"))
    add_png("gray1_pil.png", "gray 1-bit (PIL mode 1)", 0, 1, False, bits.astype(np.uint8) * 255)
    Image.fromarray(v.astype(np.uint8), "L").save(path("gray8_trns.png"), transparency=int(v[0, 0]))
    add_png("gray8_trns.png", "gray 8-bit with a tRNS colour key (PIL)", 0, 8, False, v.astype(np.uint8))

    # Gray+alpha, RGB, RGBA at 8 and 16 bits, sequential and Adam7.
    for ctype, c, label in ((4, 2, "gray_alpha"), (2, 3, "rgb"), (6, 4, "rgba")):
        v = im(H, W, c)
        Image.fromarray(v.astype(np.uint8), {2: "LA", 3: "RGB", 4: "RGBA"}[c]).save(path("%s8.png" % label))
        add_png("%s8.png" % label, "%s 8-bit (PIL)" % label, ctype, 8, False, v.astype(np.uint8))
        magick(v, 255, path("%s8_adam7.png" % label), "-define", "png:color-type=%d" % ctype,
               "-define", "png:bit-depth=8", "-interlace", "PNG")
        add_png("%s8_adam7.png" % label, "%s 8-bit, Adam7 (ImageMagick)" % label, ctype, 8, True, v.astype(np.uint8))
        v = im16(H, W, c)
        for il in (False, True):
            n = "%s16%s.png" % (label, "_adam7" if il else "")
            magick(v, 65535, path(n), "-define", "png:color-type=%d" % ctype, "-define", "png:bit-depth=16",
                   *(["-interlace", "PNG"] if il else []))
            add_png(n, "%s 16-bit%s (ImageMagick)" % (label, ", Adam7" if il else ""), ctype, 16, il, reduce16(v), values16=v)
    v = im(H, W, 3)
    Image.fromarray(v.astype(np.uint8), "RGB").save(path("rgb8_trns.png"), transparency=tuple(int(x) for x in v[0, 0]))
    add_png("rgb8_trns.png", "RGB 8-bit with a tRNS colour key (PIL)", 2, 8, False, v.astype(np.uint8))

    # Every scanline filter. Neither PIL nor ImageMagick lets a caller force one, so these files are
    # filtered by write_filtered_png below (straight from the PNG specification, sharing nothing with
    # the C# code) and PIL or ImageMagick confirms they decode to the source.
    y, x = np.mgrid[0:H, 0:W]
    smooth = np.stack([(x * 19 + y * 7) % 256, (x * y * 3) % 256, (255 - x * 11 + y * y) % 256, (x + y * 20) % 256], -1)
    for f, fname in enumerate(("none", "sub", "up", "average", "paeth")):
        n = "filter_%s_rgb8.png" % fname
        write_filtered_png(path(n), smooth[..., :3], 2, 8, [f] * H)
        add_png(n, "RGB 8-bit, every row filtered with %s (script, checked by PIL)" % fname, 2, 8, False,
                smooth[..., :3].astype(np.uint8), filters={f})
    mixed = [r % 5 for r in range(H)]
    write_filtered_png(path("filters_gray8.png"), smooth[..., 0], 0, 8, mixed)
    add_png("filters_gray8.png", "gray 8-bit, rows cycling through all five filters", 0, 8, False,
            smooth[..., 0].astype(np.uint8), filters=set(mixed))
    write_filtered_png(path("filters_gray_alpha8.png"), smooth[..., :2], 4, 8, mixed)
    add_png("filters_gray_alpha8.png", "gray+alpha 8-bit, rows cycling through all five filters", 4, 8, False,
            smooth[..., :2].astype(np.uint8), filters=set(mixed))
    two_bit = smooth[..., 1] % 4
    write_filtered_png(path("filters_gray2.png"), two_bit, 0, 2, mixed)
    add_png("filters_gray2.png", "gray 2-bit, rows cycling through all five filters", 0, 2, False,
            (two_bit * 85).astype(np.uint8), filters=set(mixed))
    deep = smooth * 256 + RNG.integers(0, 256, smooth.shape)
    write_filtered_png(path("filters_rgba16.png"), deep, 6, 16, mixed)
    add_png("filters_rgba16.png", "RGBA 16-bit, rows cycling through all five filters (checked by ImageMagick)", 6, 16, False,
            reduce16(deep), values16=deep, filters=set(mixed))

    # Palette at every depth (PIL, bits=), Adam7 (ImageMagick), with tRNS, and a VOC mask.
    for depth in (1, 2, 4, 8):
        count = min(1 << depth, 200)
        pal = [tuple(int(c) for c in RNG.integers(0, 256, 3)) for _ in range(count)]
        idx = RNG.integers(0, count, (H, W)).astype(np.uint8)
        p = Image.fromarray(idx, "P")
        p.putpalette([c for rgb in pal for c in rgb])
        n = "palette%d.png" % depth
        p.save(path(n), bits=depth)
        add_png(n, "palette %d-bit, %d colours (PIL pads PLTE to %d)" % (depth, count, 1 << depth), 3, depth, False, idx,
                palette_size=1 << depth)
        n = "palette%d_adam7.png" % depth
        write_filtered_png(path(n), idx, 3, depth, [0, 1, 2, 3, 4], interlaced=True, palette=pal)
        add_png(n, "palette %d-bit, Adam7, rows cycling through the filters (script, checked by PIL)" % depth,
                3, depth, True, idx, palette_size=count)
    # ImageMagick re-encodes the 4-bit palette file interlaced, choosing its own palette order and depth.
    subprocess.run([CONVERT, path("palette4.png"), *NO_DATES, "-interlace", "PNG", "PNG8:" + path("palette_adam7_magick.png")], check=True)
    add_png("palette_adam7_magick.png", "palette, Adam7, palette order and depth chosen by ImageMagick", 3,
            ihdr(path("palette_adam7_magick.png"))[2], True, None, palette_size=-1,
            colours=np.asarray(Image.open(path("palette4.png")).convert("RGB")))
    pal = [tuple(int(c) for c in RNG.integers(0, 256, 3)) for _ in range(12)]
    idx = RNG.integers(0, 12, (H, W)).astype(np.uint8)
    p = Image.fromarray(idx, "P")
    p.putpalette([c for rgb in pal for c in rgb])
    p.save(path("palette4_trns.png"), bits=4, transparency=bytes([0, 128, 255, 40]))
    add_png("palette4_trns.png", "palette 4-bit, 12 colours, tRNS for the first 4 (PIL)", 3, 4, False, idx, palette_size=16)
    mask = RNG.integers(0, 21, (H, W)).astype(np.uint8)
    mask[3, :] = 255
    mask[:, 5] = 255
    p = Image.fromarray(mask, "P")
    p.putpalette([c for rgb in voc_palette() for c in rgb])
    p.save(path("voc_mask.png"))
    add_png("voc_mask.png", "Pascal VOC style mask: classes 0..20, 255 = boundary, 256-colour VOC palette (PIL)",
            3, 8, False, mask, palette_size=256)


def add_jpeg(name, covers, progressive, gray):
    path = os.path.join(OUT, name)
    im = Image.open(path)
    assert (im.info.get("progressive", 0) == 1) == progressive, name
    rgb = np.asarray(im.convert("RGB"))
    y = Image.open(path)
    y.draft("L", y.size)  # libjpeg's own colour-to-gray: the Y channel
    y = np.asarray(y.convert("L")) if im.mode != "CMYK" else luma(rgb)
    auto = np.asarray(im) if gray else rgb
    color_type = {"L": "Gray", "RGB": "Rgb", "CMYK": "Cmyk"}[im.mode]
    e = {"Auto": entry(auto), "Rgb": entry(rgb), "Gray": entry(y),
         "Labels": entry(auto) if gray else {"error": "colour"}}
    FIXTURES.append({
        "file": name, "format": "Jpeg", "covers": covers,
        "info": {"width": im.width, "height": im.height, "color_type": color_type, "bit_depth": 8,
                 "interlaced": progressive, "palette_size": 0},
        "expected": e})


def jpeg_fixtures():
    path = lambda n: os.path.join(OUT, n)
    w, h = 37, 23  # partial MCUs at the right and bottom edges
    y, x = np.mgrid[0:h, 0:w]
    photo = np.stack([(x * 7 + y * 3) % 256, (128 + 60 * np.sin(x / 4.0) * np.cos(y / 3.0)), (y * 11) % 256], -1)
    photo = (photo + RNG.normal(0, 12, photo.shape)).clip(0, 255).astype(np.uint8)
    Image.fromarray(photo).save(path("jpeg_baseline_420.jpg"), quality=85)
    add_jpeg("jpeg_baseline_420.jpg", "baseline colour JPEG, 4:2:0 (PIL)", False, False)
    Image.fromarray(photo).save(path("jpeg_baseline_444.jpg"), quality=92, subsampling=0)
    add_jpeg("jpeg_baseline_444.jpg", "baseline colour JPEG, 4:4:4 (PIL)", False, False)
    Image.fromarray(photo).save(path("jpeg_progressive.jpg"), quality=85, progressive=True)
    add_jpeg("jpeg_progressive.jpg", "progressive colour JPEG (PIL)", True, False)
    gray = photo[..., 1]
    Image.fromarray(gray, "L").save(path("jpeg_gray.jpg"), quality=90)
    add_jpeg("jpeg_gray.jpg", "baseline grayscale JPEG (PIL)", False, True)
    Image.fromarray(gray, "L").save(path("jpeg_gray_progressive.jpg"), quality=90, progressive=True)
    add_jpeg("jpeg_gray_progressive.jpg", "progressive grayscale JPEG (PIL)", True, True)
    Image.fromarray(photo).convert("CMYK").save(path("jpeg_cmyk.jpg"), quality=90)
    add_jpeg("jpeg_cmyk.jpg", "CMYK JPEG with Adobe marker (PIL)", False, False)
    subprocess.run([CONVERT, path("jpeg_baseline_420.jpg"), "-define", "jpeg:restart-interval=1", path("jpeg_restart.jpg")], check=True)
    add_jpeg("jpeg_restart.jpg", "baseline colour JPEG with restart markers (ImageMagick)", False, False)
    # Stray bytes before EOI: libjpeg warns "extraneous bytes before marker", PIL and OpenCV decode it.
    data = open(path("jpeg_baseline_420.jpg"), "rb").read()
    assert data.endswith(b"\xff\xd9")
    open(path("jpeg_extraneous.jpg"), "wb").write(data[:-2] + b"\x00\x13\x37\xff\xd9")
    add_jpeg("jpeg_extraneous.jpg", "colour JPEG with 3 stray bytes before EOI (libjpeg's harmless warning)", False, False)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    png_fixtures()
    jpeg_fixtures()
    version = subprocess.run([CONVERT, "-version"], check=True, capture_output=True, text=True).stdout.split("\n")[0]
    doc = {"pil_version": PIL.__version__, "imagemagick_version": version, "fixtures": FIXTURES}
    with open(os.path.join(OUT, "fixtures.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("wrote %d fixtures, %d bytes, to %s" % (len(FIXTURES), total, os.path.normpath(OUT)))
    assert total < 1_000_000


if __name__ == "__main__":
    main()
