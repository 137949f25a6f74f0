"""Round-trip time of a trivial cell and cold start, for one Jupyter kernel (run by bench/kernel.sh).

Usage: kernel_rtt.py KERNEL_NAME CODE [--requests N] [--memory-cells N]
Prints `<label>_<metric> <value>` lines: cold start (process launch to the first cell's result),
the p50 of execute round trips (request sent to execute_reply and iopub idle received) straight after
start-up, how long the kernel process took to go quiet after that, then p50/p95 once it is, the kernel
process's CPU time per round trip (user + system: steadier than wall time on a shared machine), and,
with --memory-cells, the kernel's resident memory growth over that many more expression cells, then
over as many cells that declare a variable (and their p50).
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


def timed_cells(kc, code, count):
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        run_cell(kc, code)
        times.append((time.perf_counter() - t0) * 1000.0)
    return sorted(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernel")
    parser.add_argument("code")
    parser.add_argument("--label", default=None)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--memory-cells", type=int, default=0)
    args = parser.parse_args()
    label = args.label or args.kernel

    started = time.perf_counter()
    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        run_cell(kc, args.code, timeout=120)
        cold = time.perf_counter() - started
        for _ in range(10):  # warm caches on both sides before timing
            run_cell(kc, args.code)
        pid = km.provisioner.process.pid
        # The same requests straight after start-up, while the kernel may still be warming up...
        early = timed_cells(kc, args.code, args.requests)
        # ...and once its process is quiet: the steady state a notebook user gets after the first seconds.
        waited = settle(pid)
        cpu_before = cpu_seconds(pid)
        times = timed_cells(kc, args.code, args.requests)
        cpu_ms = (cpu_seconds(pid) - cpu_before) * 1000.0 / args.requests
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"{label}_cold_start_s {cold:.2f}")
        print(f"{label}_p50_after_start_ms {statistics.median(early):.2f}")
        print(f"{label}_settle_s {waited:.2f}")
        print(f"{label}_p50_ms {statistics.median(times):.2f}")
        print(f"{label}_p95_ms {p95:.2f}")
        print(f"{label}_cpu_ms_per_request {cpu_ms:.2f}")
        if args.memory_cells:
            # Cells that declare nothing (an expression, an assignment) do not join the kernel's
            # submission chain; cells that declare a variable do (later cells see it), and Roslyn
            # keeps their compilations and assemblies alive.
            before = rss_mb(pid)
            run_cell(kc, "var seed = 1;")
            for i in range(args.memory_cells):
                run_cell(kc, f"seed * {i}")
            after_expressions = rss_mb(pid)
            declaring = []
            for i in range(args.memory_cells):
                t0 = time.perf_counter()
                run_cell(kc, f"var v{i} = {i} + 1;")
                declaring.append((time.perf_counter() - t0) * 1000.0)
            after = rss_mb(pid)
            print(f"{label}_rss_mb_before {before:.1f}")
            print(f"{label}_rss_kb_per_expression_cell {(after_expressions - before) * 1024.0 / args.memory_cells:.1f}")
            print(f"{label}_rss_mb_after_{args.memory_cells}_declaring_cells {after:.1f}")
            print(f"{label}_rss_kb_per_declaring_cell {(after - after_expressions) * 1024.0 / args.memory_cells:.1f}")
            print(f"{label}_declaring_cell_p50_ms {statistics.median(declaring):.2f}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


if __name__ == "__main__":
    main()
