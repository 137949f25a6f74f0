#!/usr/bin/env python3
"""Extract the part of plotly.js's attribute schema that SegGanLab's figure model uses.

Run from the repository root after building SegGanLab.Plots (its build fetches plotly.js
with npm ci):

    /usr/bin/python3 tests/golden/plotly_schema.py

It loads the embedded bundle (src/SegGanLab.Plots/plotlyjs/node_modules/plotly.js-dist-min)
in headless Chromium, asks it for Plotly.PlotSchema.get(), keeps the trace types and layout
attributes the figure model can emit, drops the prose (descriptions) and edit bookkeeping,
and writes tests/SegGanLab.Plots.Tests/Golden/plotly-schema.json, which the schema tests
check every emitted attribute against. Re-run it when the pinned plotly.js version changes
or the model gains a trace type; review the diff.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUNDLE = os.path.join(ROOT, "src", "SegGanLab.Plots", "plotlyjs", "node_modules", "plotly.js-dist-min", "plotly.min.js")
OUT_PATH = os.path.join(ROOT, "tests", "SegGanLab.Plots.Tests", "Golden", "plotly-schema.json")
CHROMIUM = "/usr/bin/chromium"

# The trace types the figure model defines (src/SegGanLab.Plots/Figures).
TRACES = ["scatter", "bar", "heatmap", "image"]
# Layout attributes of other subplot kinds, menus and editing that the model never emits.
LAYOUT_DROP = {"scene", "geo", "map", "polar", "smith", "ternary", "updatemenus", "sliders", "selections",
               "newshape", "activeshape", "newselection", "activeselection", "template", "transition",
               "computed", "editType", "_deprecated"}
# Schema bookkeeping the tests do not need: prose, redraw hints, edit side effects.
KEY_DROP = {"description", "editType", "impliedEdits", "anim", "_noTemplating", "_deprecated", "meta"}


def prune(node):
    if isinstance(node, dict):
        return {k: prune(v) for k, v in node.items() if k not in KEY_DROP}
    if isinstance(node, list):
        return [prune(v) for v in node]
    return node


def plot_schema():
    page = tempfile.mkdtemp(prefix="plotly-schema-")
    try:
        with open(BUNDLE, encoding="utf-8") as f:
            bundle = f.read().replace("</script", "<\\/script")
        index = os.path.join(page, "schema.html")
        with open(index, "w", encoding="utf-8") as f:
            f.write('<!doctype html><html><head><meta charset="utf-8"><script>' + bundle + "</script></head>"
                    '<body><pre id="schema"></pre><script>document.getElementById("schema").textContent = '
                    "JSON.stringify({version: Plotly.version, schema: Plotly.PlotSchema.get()});</script></body></html>")
        profile = os.path.join(page, "profile")
        dom = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--user-data-dir=" + profile, "--dump-dom", "file://" + index],
            check=True, capture_output=True, text=True, timeout=120).stdout
    finally:
        shutil.rmtree(page, ignore_errors=True)
    match = re.search(r'<pre id="schema">(.*?)</pre>', dom, re.S)
    if not match:
        sys.exit("Chromium's DOM has no schema: did plotly.js fail to load?")
    return json.loads(html.unescape(match.group(1)))


def main():
    if not os.path.exists(BUNDLE):
        sys.exit(f"{BUNDLE} is missing: build src/SegGanLab.Plots first (it runs npm ci).")
    got = plot_schema()
    schema = got["schema"]
    traces = {}
    for name in TRACES:
        trace = schema["traces"][name]
        traces[name] = {"attributes": prune(trace["attributes"]),
                        "layoutAttributes": prune(trace.get("layoutAttributes", {}))}
    layout = {k: prune(v) for k, v in schema["layout"]["layoutAttributes"].items() if k not in LAYOUT_DROP}
    out = {"plotly_version": got["version"], "traces": traces, "layout": layout, "config": prune(schema["config"])}
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {OUT_PATH} (plotly.js {got['version']}, {os.path.getsize(OUT_PATH)} bytes)")


if __name__ == "__main__":
    main()
