"""Writes a safetensors file from PyTorch tensors by hand (json + raw bytes) for SegGanLab's interop tests.

Usage: /usr/bin/python3 write_safetensors.py FILE

Creates tensors of every dtype SegGanLab supports (including a 0-d, an empty and a
non-contiguous one), writes them to FILE with the header entries in reverse order (readers
must order tensors by data offset, not by header position) and prints what it wrote:

    {"metadata": {...}, "tensors": [{"name", "dtype", "shape", "values"}, ...]}

in file order, float values as repr() strings so that NaN, infinities and -0.0 survive JSON.
"""
import json
import struct
import sys

import torch

CODES = {
    torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
    torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
    torch.uint8: "U8", torch.bool: "BOOL",
}


def make_tensors():
    torch.manual_seed(1234)
    return {
        "encoder.weight": torch.randn(4, 3, 2, 2),
        "encoder.bias": torch.tensor([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e-45]),
        "head.half": torch.randn(3, 5).half(),
        "head.bf16": torch.randn(2, 4).bfloat16(),
        "double.transposed": torch.arange(12, dtype=torch.float64).reshape(3, 4).t(),
        "labels": torch.tensor([[0, 18, -1], [2**40, -(2**62), 7]], dtype=torch.int64),
        "counts": torch.randint(-2**31, 2**31 - 1, (5,), dtype=torch.int32),
        "short": torch.tensor([-32768, 0, 32767], dtype=torch.int16),
        "signed.bytes": torch.tensor([-128, -1, 0, 127], dtype=torch.int8),
        "image": torch.randint(0, 256, (2, 2, 3), dtype=torch.uint8),
        "mask": torch.rand(3, 4) > 0.5,
        "step": torch.tensor(12345, dtype=torch.int64),
        "no.rows": torch.zeros(0, 3),
        "d\u00e9codeur.\u00e9tat": torch.tensor([1.0, 2.0], dtype=torch.float32),
    }


def raw_bytes(tensor):
    if tensor.dtype == torch.bfloat16:
        # numpy has no bfloat16: reinterpret the same 16 bits as int16.
        tensor = tensor.view(torch.int16)
    # numpy's tobytes() is row-major whatever the tensor's strides.
    return tensor.numpy().tobytes()


def encode(value):
    return repr(value) if isinstance(value, float) else value


def main(path):
    tensors = make_tensors()
    metadata = {"format": "pt", "writer": "write_safetensors.py"}
    entries, chunks, offset = [], [], 0
    for name, tensor in tensors.items():
        data = raw_bytes(tensor)
        entries.append((name, {"dtype": CODES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}))
        chunks.append(data)
        offset += len(data)
    header = {"__metadata__": metadata}
    header.update(reversed(entries))
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in chunks:
            f.write(data)
    print(json.dumps({
        "metadata": metadata,
        "tensors": [
            {"name": name, "dtype": CODES[t.dtype], "shape": list(t.shape), "values": [encode(v) for v in t.reshape(-1).tolist()]}
            for name, t in tensors.items()
        ],
    }))


if __name__ == "__main__":
    main(sys.argv[1])
