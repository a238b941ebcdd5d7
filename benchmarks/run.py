"""Run every Parvel benchmark in one command and write a dated results file with a chart.

    python benchmarks/run.py                      # full run (about 15 minutes on 2 cores)
    python benchmarks/run.py --quick              # smoke run: short durations, results in .work/
    python benchmarks/run.py --only fortunes,json --frameworks parvel,starlette

1. Prepares the ``parvel_bench`` PostgreSQL database (benchmarks/techempower/setup_db.py).
2. Runs the TechEmpower tests for each framework (benchmarks/techempower/runner.py).
3. Measures one worker's memory growth, 1k vs 100k requests (benchmarks/techempower/memory.py).
4. Runs every micro-benchmark script ``benchmarks/*_bench.py`` with a timeout, keeping its output.
5. Writes benchmarks/results/<date>.md (+ .json and <date>-ratios.png) and, for a full run,
   refreshes the latest table in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.techempower import common, memory, runner, setup_db, venvs  # noqa: E402
from benchmarks.techempower.frameworks import SKIPPED, by_name  # noqa: E402
from benchmarks.techempower.server import stop_on_sigterm  # noqa: E402

from benchmarks import report  # noqa: E402

PACKAGES = (
    "parvel", "granian", "uvicorn", "starlette", "fastapi", "pydantic", "sqlalchemy", "asyncpg",
    "psycopg", "django", "flask", "litestar", "jinja2", "markupsafe", "orjson", "matplotlib",
)  # fmt: skip
README_START = "<!-- latest-results:start -->"
README_END = "<!-- latest-results:end -->"


def _command(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def machine_notes(options: argparse.Namespace) -> list[str]:
    """What the numbers depend on: hardware, software versions and the run's settings."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total = re.search(r"MemTotal:\s+(\d+)", meminfo)
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            continue
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return [
        f"- CPU: {model[1].strip() if model else platform.processor()}, "
        f"{os.cpu_count()} cores; memory {int(total[1]) / 1024**2:.1f} GiB"
        if total
        else f"- CPU: {platform.processor()}, {os.cpu_count()} cores",
        f"- OS: {platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- PostgreSQL: {_command(['psql', '--version'])} on {common.PG_HOST}:{common.PG_PORT}, "
        f"database `{common.PG_DATABASE}`, pool size {common.POOL_SIZE} per app",
        f"- Load generator: {_command(['wrk', '--version'])}",
        f"- Packages: {', '.join(versions)}",
        f"- Server: {options.server}, 1 worker pinned to core {options.server_cpu}; wrk -t1 "
        f"-c{options.connections} pinned to core {options.wrk_cpu}; PostgreSQL not pinned",
        f"- Durations: {options.warmup:g} s warm-up + {options.duration:g} s measured per test "
        f"and framework; {options.rounds} round(s), alternating the framework order, keeping "
        f"each best run",
        f"- Load average before the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        f"- Commit: {_command(['git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD'])}",
        *venv_notes(getattr(options, "frameworks", None)),
    ]


def venv_notes(frameworks: str | None) -> list[str]:
    """One line per selected framework that runs from its own virtual environment."""
    notes = []
    for framework in by_name(frameworks):
        if framework.venv is not None:
            where = venvs.location(framework.venv).relative_to(ROOT)
            threads = framework.threads or common.POOL_SIZE
            notes.append(
                f"- {framework.label}: its own virtual environment `{where}` "
                f"({', '.join(venvs.pins(framework.venv))}); {threads} WSGI thread(s)"
            )
    return notes


def micro_benchmarks(quick: bool, timeout: float) -> list[dict[str, Any]]:
    """Run each benchmarks/*_bench.py in its own process, bounded by ``timeout`` seconds."""
    env = dict(os.environ)
    paths = [str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    rows = []
    for script in sorted(HERE.glob("*_bench.py")):
        command = [sys.executable, str(script)]
        if quick and "--quick" in script.read_text():
            command.append("--quick")
        print(f"-- {script.name}", file=sys.stderr, flush=True)
        start = time.monotonic()
        try:
            done = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
            )
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
            output = done.stdout.strip() or done.stderr.strip()[-2000:]
            if done.returncode != 0:
                output = (done.stdout.strip() + "\n" + done.stderr.strip()[-1500:]).strip()
        except subprocess.TimeoutExpired:
            status, output = f"timed out after {timeout:.0f} s", ""
        rows.append(
            {
                "script": script.name,
                "status": status,
                "seconds": time.monotonic() - start,
                "output": output,
            }
        )
    return rows


def render(data: dict[str, Any], chart: Path | None) -> str:
    """The results file: machine notes, TechEmpower tables, chart, memory, micro-benchmarks."""
    parts = [f"# Benchmark results, {data['date']}", "", f"Command: `{data['command']}`", ""]
    parts += ["## Machine", "", *data["machine"], ""]
    parts += ["## TechEmpower tests", "", report.techempower_tables(data["techempower"])]
    if data["skipped"]:
        parts += ["", "Not run:"]
        parts += [f"- {name}: {why}." for name, why in data["skipped"].items()]
    if chart is not None:
        parts += ["", f"![ratios to raw Starlette]({chart.name})"]
    if data["memory"]:
        parts += ["", "## Memory: one worker, RSS after 1k vs after all requests", ""]
        parts += [report.memory_table(data["memory"])]
    if data["micro"]:
        parts += ["", "## Micro-benchmarks (benchmarks/*_bench.py)"]
        for row in data["micro"]:
            parts += ["", f"### {row['script']} ({row['status']}, {row['seconds']:.0f} s)", ""]
            output = row["output"] or "(no output)"
            parts += [output if "|---" in output else f"```text\n{output}\n```"]
    return "\n".join(parts) + "\n"


def update_readme(markdown: str, results_name: str, readme: Path = HERE / "README.md") -> bool:
    """Replace the latest-results block of ``readme`` with this run's tables (False: no block)."""
    text = readme.read_text()
    if README_START not in text or README_END not in text:
        return False
    head, _, rest = text.partition(README_START)
    _, _, tail = rest.partition(README_END)
    block = f"{README_START}\nFrom [results/{results_name}](results/{results_name}):\n\n"
    readme.write_text(head + block + markdown + "\n" + README_END + tail)
    return True


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    runner.add_arguments(parser)
    memory.add_arguments(parser)
    parser.add_argument("--quick", action="store_true", help="short durations for a smoke run")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-micro", action="store_true")
    parser.add_argument(
        "--memory-frameworks",
        default="parvel,starlette",
        help="frameworks for the memory check (default parvel,starlette; 'all' for every one)",
    )
    parser.add_argument("--micro-timeout", type=float, default=300.0)
    parser.add_argument("--output", type=Path, help="results folder (default benchmarks/results)")
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    options = parser.parse_args()
    if options.quick:
        options.duration, options.warmup = min(options.duration, 2.0), min(options.warmup, 1.0)
        options.rounds = 1
        options.total = min(options.total, 10_000)
        options.micro_timeout = min(options.micro_timeout, 120.0)
    runner.check_bounds(options)
    if not 0 < options.first < options.total <= 1_000_000:
        raise SystemExit("need 0 < --first < --total <= 1,000,000")
    if options.output is None:
        options.output = HERE / (".work" if options.quick else "results")
    return options


def main() -> None:
    options = parse_args()
    stop_on_sigterm()
    counts = asyncio.run(setup_db.setup())
    print(f"-- database ready: {counts}", file=sys.stderr, flush=True)
    machine = machine_notes(options)
    started = time.monotonic()
    results = runner.run_suite(options)
    memory_rows = []
    if not options.no_memory:
        chosen = None if options.memory_frameworks == "all" else options.memory_frameworks
        for framework in by_name(chosen):
            print(f"-- memory: {framework.label}", file=sys.stderr, flush=True)
            memory_rows.append(memory.measure(framework, options))
    micro = [] if options.no_micro else micro_benchmarks(options.quick, options.micro_timeout)
    machine.append(f"- Whole run: {time.monotonic() - started:.0f} s")
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()
        machine.append(f"- Load average after the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    data = {
        "date": options.date,
        "command": "python benchmarks/run.py " + " ".join(sys.argv[1:]),
        "machine": machine,
        "techempower": results,
        "memory": memory_rows,
        "micro": micro,
        "skipped": SKIPPED,
    }
    options.output.mkdir(parents=True, exist_ok=True)
    stem = options.date + ("-quick" if options.quick else "")
    chart = report.ratio_chart(results, options.output / f"{stem}-ratios.png")
    markdown = render(data, chart)
    (options.output / f"{stem}.md").write_text(markdown)
    (options.output / f"{stem}.json").write_text(json.dumps(data, indent=1) + "\n")
    if not options.quick and options.output == HERE / "results":
        latest = report.techempower_tables(results)
        if memory_rows:
            latest += "\n\n### Memory\n\n" + report.memory_table(memory_rows)
        update_readme(latest, f"{stem}.md")
    print(markdown)
    print(f"-- wrote {options.output / (stem + '.md')}", file=sys.stderr)


if __name__ == "__main__":
    main()
