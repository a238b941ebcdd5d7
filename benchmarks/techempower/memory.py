"""Resident memory of one app worker after 1k requests and after 100k: does it grow?

    python benchmarks/techempower/memory.py [--frameworks parvel,starlette]
        [--path /fortunes] [--first 1000] [--total 100000]

Starts each app with one worker (pinned like the load runner), sends ``--first`` requests with
wrk, reads the worker's VmRSS from /proc, sends the rest up to ``--total``, reads it again and
reports the growth. The goal for Parvel: no more than 10 % growth.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.techempower import server as servers
from benchmarks.techempower import validate, wrk
from benchmarks.techempower.frameworks import Framework, by_name

GOAL_PERCENT = 10.0
MAX_SECONDS = 300.0


def _drive(url: str, count: int, connections: int, cpu: str | None) -> int:
    """Send ``count`` requests with wrk (bounded in time); return how many were sent."""
    if count > 0:
        wrk.send(url, count, connections=connections, cpu=cpu, timeout=MAX_SECONDS)
    return max(count, 0)


def measure(framework: Framework, options: argparse.Namespace) -> dict[str, Any]:
    """RSS of ``framework``'s worker after ``first`` and after ``total`` requests."""
    row: dict[str, Any] = {"framework": framework.name, "label": framework.label}
    missing = framework.missing(options.server)
    if missing:
        return {**row, "status": "skipped", "note": missing}
    server = servers.start(
        framework, server=options.server, cpu=options.server_cpu, log_dir=options.log_dir
    )
    try:
        server.wait_ready()
        test = next(
            (
                name
                for name, checks in validate.CHECKS.items()
                if any(path == options.path for path, _ in checks)
            ),
            None,
        )
        if test is not None and (problems := validate.validate(server.base_url, test)):
            return {**row, "status": "invalid", "note": "; ".join(problems[:2])}
        url = server.base_url + options.path
        worker = server.worker_pid()
        sent = _drive(url, options.first, options.connections, options.wrk_cpu)
        before = servers.rss_kib(worker)
        sent += _drive(url, options.total - sent, options.connections, options.wrk_cpu)
        after = servers.rss_kib(worker)
    except (servers.ServerError, wrk.WrkError) as error:
        return {**row, "status": "error", "note": str(error).splitlines()[0]}
    finally:
        server.stop()
    growth = (after - before) / before * 100 if before else 0.0
    return {
        **row,
        "status": "ok",
        "path": options.path,
        "first": options.first,
        "total": sent,
        "rss_first_kib": before,
        "rss_total_kib": after,
        "growth_percent": growth,
        "note": "" if growth <= GOAL_PERCENT else f"grew more than {GOAL_PERCENT:.0f} %",
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared with benchmarks/run.py (server placement comes from the runner's)."""
    parser.add_argument("--path", default="/fortunes", help="endpoint driven (default /fortunes)")
    parser.add_argument("--first", type=int, default=1_000)
    parser.add_argument("--total", type=int, default=100_000)


def main() -> None:
    from benchmarks.report import memory_table
    from benchmarks.techempower.runner import add_arguments as add_load_arguments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_load_arguments(parser)
    add_arguments(parser)
    options = parser.parse_args()
    servers.stop_on_sigterm()
    if not 0 < options.first < options.total <= 1_000_000:
        raise SystemExit("need 0 < --first < --total <= 1,000,000")
    rows = [measure(framework, options) for framework in by_name(options.frameworks)]
    print(memory_table(rows))


if __name__ == "__main__":
    main()
