"""Independent safetensors reader for SegGanLab's interop tests: only json + numpy, no SegGanLab code.

Usage: /usr/bin/python3 read_safetensors.py FILE

Parses FILE as the format specifies (8-byte little-endian header length, JSON header padded
with spaces to a multiple of 8, raw little-endian row-major data), checks that the tensors tile
the data section with no gap or overlap, and prints one JSON object:

    {"metadata": {...}, "tensors": [{"name", "dtype", "shape", "values"}, ...]}

with tensors in file order (by data offset). Float values are printed as repr() strings ("nan", "-0.0", "inf")
so that every value survives JSON exactly; integers as numbers, bools as true/false.
"""
import json
import struct
import sys

import numpy as np

NUMPY_DTYPES = {
    "F64": "<f8", "F32": "<f4", "F16": "<f2", "BF16": "<u2",
    "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1", "U8": "u1", "BOOL": "?",
}


def decode(raw, dtype, shape):
    array = np.frombuffer(raw, dtype=NUMPY_DTYPES[dtype])
    if dtype == "BF16":
        # numpy has no bfloat16: a bfloat16 is the top half of the float32 with the same bits.
        array = (array.astype("<u4") << 16).view("<f4")
    return array.reshape(shape)


def encode(value):
    return repr(value) if isinstance(value, float) else value


def main(path):
    with open(path, "rb") as f:
        raw = f.read()
    (header_length,) = struct.unpack("<Q", raw[:8])
    assert header_length % 8 == 0, f"header length {header_length} is not a multiple of 8"
    header = json.loads(raw[8:8 + header_length].decode("utf-8"))
    data = raw[8 + header_length:]
    metadata = header.pop("__metadata__", {})
    tensors, expected_begin = [], 0
    # sorted() is stable: empty tensors sharing an offset keep their header order.
    for name, info in sorted(header.items(), key=lambda item: item[1]["data_offsets"]):
        begin, end = info["data_offsets"]
        assert begin == expected_begin, f"{name}: data starts at {begin}, expected {expected_begin}"
        expected_begin = end
        array = decode(data[begin:end], info["dtype"], info["shape"])
        tensors.append({
            "name": name,
            "dtype": info["dtype"],
            "shape": list(array.shape),
            "values": [encode(v) for v in array.reshape(-1).tolist()],
        })
    assert expected_begin == len(data), f"{len(data) - expected_begin} bytes after the last tensor"
    print(json.dumps({"metadata": metadata, "tensors": tensors}))


if __name__ == "__main__":
    main(sys.argv[1])
