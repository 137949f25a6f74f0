#!/usr/bin/python3
"""Writes the notebook (.ipynb) of a percent-format C# script (.csx), or checks it is current.

The mapping (jupytext's "percent" format for C#, plus a header):
  - the lines before the first `// %%` marker are the script's header comment: the notebook's
    first markdown cell, with each line's leading `//` (and one space) removed;
  - `// %% [markdown]` starts a markdown cell made of the comment lines that follow, stripped alike;
  - `// %%` starts a code cell: the lines that follow, verbatim.
Blank lines around a cell are dropped. The notebook is nbformat 4.5 for the SegGanLab kernel.

Usage: /usr/bin/python3 scripts/csx_notebook.py [--check] FILE.csx...   (--check: exit 1 when a
notebook differs from what its script gives; nothing is written)
"""
import json
import sys
from pathlib import Path

KERNEL_METADATA = {
    "kernelspec": {"display_name": "SegGanLab (C#)", "language": "C#", "name": "seggan"},
    "language_info": {
        "codemirror_mode": "text/x-csharp", "file_extension": ".cs", "mimetype": "text/x-csharp",
        "name": "C#", "pygments_lexer": "csharp", "version": "14.0",
    },
}


def uncomment(line, where):
    stripped = line.strip()
    if stripped == "":
        return ""
    if not stripped.startswith("//"):
        raise SystemExit(f"{where}: a markdown cell holds only // comment lines, got: {line!r}")
    text = stripped[2:]
    return text[1:] if text.startswith(" ") else text


def cells_of(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    cells, kind, body = [], "markdown", []

    def close():
        while body and body[0].strip() == "":
            body.pop(0)
        while body and body[-1].strip() == "":
            body.pop()
        if body:
            cells.append((kind, [uncomment(l, path) for l in body] if kind == "markdown" else list(body)))

    for line in lines:
        marker = line.strip()
        if marker in ("// %%", "// %% [markdown]"):
            close()
            kind, body = ("markdown" if marker.endswith("[markdown]") else "code"), []
        else:
            body.append(line)
    close()
    return cells


def notebook_of(path):
    cells = []
    for index, (kind, lines) in enumerate(cells_of(path)):
        source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
        cell = {"cell_type": kind, "id": f"cell-{index}", "metadata": {}, "source": source}
        if kind == "code":
            cell.update({"execution_count": None, "outputs": []})
        cells.append(cell)
    return {"cells": cells, "metadata": KERNEL_METADATA, "nbformat": 4, "nbformat_minor": 5}


def main(args):
    check = "--check" in args
    stale = []
    for script in [a for a in args if a != "--check"]:
        target = Path(script).with_suffix(".ipynb")
        text = json.dumps(notebook_of(script), indent=1, ensure_ascii=False) + "\n"
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target))
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run scripts/csx_notebook.py on their scripts): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
