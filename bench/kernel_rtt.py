"""Round-trip time of a trivial cell and cold start, for Jupyter kernels side by side (run by bench/kernel.sh).

Usage: kernel_rtt.py NAME[:LABEL]... [--code CODE] [--requests N] [--chunk N] [--memory-cells N]
Starts each kernel in turn (the last one given first: the others idle meanwhile) and measures its
cold start (process launch to the first cell's result) and its round trips straight after start-up.
Then, once every kernel process is quiet, the kernels take turns, `--chunk` requests each, so that a
change in the machine's speed during the run (a shared VM drifts by 30% within minutes) reaches all
of them alike. Prints `<label>_<metric> <value>` lines: cold start, the p50 of execute round trips
(request sent to execute_reply and iopub idle received) after start-up, how long the kernel took to
go quiet, p50/p95 once quiet, the kernel process's CPU time per quiet round trip (user + system), and
for the first kernel with --memory-cells (its cells are C#): the resident memory growth over that many
more expression cells, then over as many cells that declare a variable (and their p50).
"""

import argparse
import os
import statistics
import time

from jupyter_client.manager import KernelManager


def run_cell(kc, code, timeout=60):
    msg_id = kc.execute(code, store_history=True)
    reply = None
    idle = False
    while reply is None or not idle:
        if reply is None:
            msg = kc.get_shell_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        if not idle:
            msg = kc.get_iopub_msg(timeout=timeout)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                idle = True
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {reply['content']}")
    return reply


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid):
    """User + system CPU time of the process so far (fields 14 and 15 of /proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pid, quiet_share=0.05, window_s=0.25, limit_s=20.0):
    """Waits until the kernel process uses under `quiet_share` of a core over `window_s` (its start-up
    work done: JIT tier-up, background warm-up, the garbage collector), at most `limit_s`; returns
    the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        before = cpu_seconds(pid)
        time.sleep(window_s)
        if cpu_seconds(pid) - before < quiet_share * window_s:
            break
    return time.perf_counter() - started


def timed_chunk(kc, code, count):
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        run_cell(kc, code)
        times.append((time.perf_counter() - t0) * 1000.0)
    return times


class Kernel:
    def __init__(self, spec):
        self.name, _, label = spec.partition(":")
        self.label = label or self.name

    def start(self, code):
        started = time.perf_counter()
        self.km = KernelManager(kernel_name=self.name)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        run_cell(self.kc, code, timeout=120)
        self.cold = time.perf_counter() - started
        self.pid = self.km.provisioner.process.pid
        for _ in range(10):  # warm caches on both sides before timing
            run_cell(self.kc, code)

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def take_turns(kernels, code, requests, chunk):
    """Each kernel's round trips (ms) and CPU seconds, the kernels alternating every `chunk` requests."""
    times = {k.label: [] for k in kernels}
    cpu = {k.label: 0.0 for k in kernels}
    while any(len(times[k.label]) < requests for k in kernels):
        for k in kernels:
            n = min(chunk, requests - len(times[k.label]))
            if n <= 0:
                continue
            before = cpu_seconds(k.pid)
            times[k.label] += timed_chunk(k.kc, code, n)
            cpu[k.label] += cpu_seconds(k.pid) - before
    return times, cpu


def memory(k, cells):
    # Cells that declare nothing (an expression, an assignment) do not join the kernel's submission
    # chain; cells that declare a variable do (later cells see it), and Roslyn keeps their
    # compilations and assemblies alive.
    before = rss_mb(k.pid)
    run_cell(k.kc, "var seed = 1;")
    for i in range(cells):
        run_cell(k.kc, f"seed * {i}")
    after_expressions = rss_mb(k.pid)
    declaring = []
    for i in range(cells):
        t0 = time.perf_counter()
        run_cell(k.kc, f"var v{i} = {i} + 1;")
        declaring.append((time.perf_counter() - t0) * 1000.0)
    after = rss_mb(k.pid)
    print(f"{k.label}_rss_mb_before {before:.1f}")
    print(f"{k.label}_rss_kb_per_expression_cell {(after_expressions - before) * 1024.0 / cells:.1f}")
    print(f"{k.label}_rss_mb_after_{cells}_declaring_cells {after:.1f}")
    print(f"{k.label}_rss_kb_per_declaring_cell {(after - after_expressions) * 1024.0 / cells:.1f}")
    print(f"{k.label}_declaring_cell_p50_ms {statistics.median(declaring):.2f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernels", nargs="+", help="kernelspec names, each optionally :LABEL")
    parser.add_argument("--code", default="1+1")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--chunk", type=int, default=10)
    parser.add_argument("--memory-cells", type=int, default=0)
    args = parser.parse_args()
    kernels = [Kernel(spec) for spec in args.kernels]
    try:
        early = {}
        for k in reversed(kernels):
            k.start(args.code)
            # The requests straight after start-up, while the kernel may still be warming up (before the
            # next kernel starts: one's start-up work must not slow another's requests)...
            early[k.label] = timed_chunk(k.kc, args.code, args.requests)
        # ...and, taking turns, once every process is quiet: the steady state a notebook user gets after the first seconds.
        waited = {k.label: settle(k.pid) for k in kernels}
        times, cpu = take_turns(kernels, args.code, args.requests, args.chunk)
        for k in kernels:
            quiet = sorted(times[k.label])
            p95 = quiet[min(len(quiet) - 1, int(round(0.95 * len(quiet))) - 1)]
            print(f"{k.label}_cold_start_s {k.cold:.2f}")
            print(f"{k.label}_p50_after_start_ms {statistics.median(early[k.label]):.2f}")
            print(f"{k.label}_settle_s {waited[k.label]:.2f}")
            print(f"{k.label}_p50_ms {statistics.median(quiet):.2f}")
            print(f"{k.label}_p95_ms {p95:.2f}")
            print(f"{k.label}_cpu_ms_per_request {cpu[k.label] * 1000.0 / args.requests:.2f}")
        if args.memory_cells:
            memory(kernels[0], args.memory_cells)
    finally:
        for k in kernels:
            if hasattr(k, "kc"):
                k.stop()


if __name__ == "__main__":
    main()
