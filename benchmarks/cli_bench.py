"""CLI start-up and application boot time (issue: foundation).

Runs each command several times in fresh processes and prints the median wall time against
the goals: `parvel --version` and `parvel list` <= 0.25 s, skeleton boot <= 0.3 s.

    python benchmarks/cli_bench.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARVEL = [sys.executable, "-m", "parvel"]
BOOT = (
    "import time, sys; t = time.perf_counter(); sys.path.insert(0, '.'); "
    "import bootstrap.app; print(time.perf_counter() - t)"
)


# Installed packages ship compiled bytecode; measure that case even where the environment
# disables writing it (PYTHONDONTWRITEBYTECODE), after one warm-up run writes the cache.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(command: list[str], cwd: Path, runs: int) -> float:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def boot(cwd: Path, runs: int) -> tuple[float, float]:
    inner, whole = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", BOOT], cwd=cwd, check=True, capture_output=True, text=True
        )
        whole.append(time.perf_counter() - start)
        inner.append(float(out.stdout.strip()))
    return statistics.median(inner), statistics.median(whole)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        subprocess.run([*PARVEL, "new", "bench", "-q"], cwd=root, check=True)
        app = root / "bench"
        env_free = root
        python_start = wall([sys.executable, "-c", "pass"], root, runs)
        rows = [
            ("python -c pass (baseline)", python_start, None),
            ("parvel --version", wall([*PARVEL, "--version"], env_free, runs), 0.25),
            ("parvel list (outside an app)", wall([*PARVEL, "list"], env_free, runs), 0.25),
            ("parvel list (in the skeleton app)", wall([*PARVEL, "list"], app, runs), 0.25),
        ]
        boot_inner, boot_whole = boot(app, runs)
        rows.append(("skeleton boot: import + providers (in-process)", boot_inner, 0.3))
        rows.append(("skeleton boot: whole process", boot_whole, None))
    print(f"Median of {runs} runs, Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print("| measure | median (s) | goal (s) | met |")
    print("|---|---:|---:|:---:|")
    for name, value, goal in rows:
        met = "" if goal is None else ("yes" if value <= goal else "NO")
        print(f"| {name} | {value:.3f} | {'' if goal is None else goal} | {met} |")


if __name__ == "__main__":
    main()
