"""Run the TechEmpower tests against each framework, one server and one wrk at a time.

    python benchmarks/techempower/runner.py [--frameworks starlette,fastapi] [--only db,json]
        [--duration 10] [--warmup 3] [--connections 64] [--server granian|uvicorn]

For each framework: start its app with one worker pinned to core 1, wait until it answers,
validate every selected test's responses (a wrong app is reported, never benchmarked), then
per test warm up and measure with wrk pinned to core 0; stop the server before the next one.
Prints a markdown table; benchmarks/run.py writes the full results file.
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
from benchmarks.techempower.frameworks import Framework, Test, by_name, tests_by_name

MAX_DURATION = 60.0
Result = dict[str, Any]


def _result(framework: Framework, test: Test, status: str, note: str = "") -> Result:
    return {
        "framework": framework.name,
        "label": framework.label,
        "test": test.name,
        "status": status,
        "rps": None,
        "p50_ms": None,
        "p99_ms": None,
        "requests": 0,
        "errors": 0,
        "note": note,
    }


def measure(base_url: str, framework: Framework, test: Test, options: argparse.Namespace) -> Result:
    """Validate one test's responses, warm up, then load it with wrk."""
    problems = validate.validate(base_url, test.name)
    if problems:
        return _result(framework, test, "invalid", "; ".join(problems[:3]))
    url = base_url + test.path
    load = {"connections": options.connections, "cpu": options.wrk_cpu}
    try:
        if options.warmup > 0:
            wrk.run(url, duration=options.warmup, **load)
        measured = wrk.run(url, duration=options.duration, **load)
    except wrk.WrkError as error:
        return _result(framework, test, "error", str(error))
    if measured.requests == 0:
        return _result(framework, test, "error", "no request completed (all timed out)")
    result = _result(framework, test, "ok")
    errors = measured.non_2xx + measured.socket_errors
    result.update(
        rps=measured.requests_per_sec,
        p50_ms=measured.p50_ms,
        p99_ms=measured.p99_ms,
        requests=measured.requests,
        errors=errors,
    )
    if measured.non_2xx:
        result["status"] = "errors"
        result["note"] = f"{measured.non_2xx} non-2xx responses"
    elif measured.socket_errors:
        result["note"] = f"{measured.socket_errors} socket errors (timeouts)"
    return result


def run_framework(
    framework: Framework, tests: list[Test], options: argparse.Namespace
) -> list[Result]:
    """Every selected test for one framework (skipped or failed entries say why)."""
    missing = framework.missing(options.server)
    if missing:
        return [_result(framework, test, "skipped", missing) for test in tests]
    print(f"-- {framework.label} ({options.server})", file=sys.stderr, flush=True)
    server = servers.start(
        framework, server=options.server, cpu=options.server_cpu, log_dir=options.log_dir
    )
    results = []
    try:
        server.wait_ready()
        for test in tests:
            result = measure(server.base_url, framework, test, options)
            shown = f"{result['rps']:.0f} req/s" if result["rps"] else result["note"]
            print(f"   {test.name}: {result['status']} {shown}", file=sys.stderr, flush=True)
            results.append(result)
    except servers.ServerError as error:
        done = {result["test"] for result in results}
        results += [
            _result(framework, test, "error", str(error).splitlines()[0])
            for test in tests
            if test.name not in done
        ]
    finally:
        server.stop()
    return results


def best_of(rounds: list[list[Result]]) -> list[Result]:
    """Merge rounds: per framework and test, the fastest valid run (all rates kept in ``runs``)."""
    merged: dict[tuple[str, str], Result] = {}
    for results in rounds:
        for result in results:
            key = (result["framework"], result["test"])
            rates = [*merged.get(key, {}).get("runs", []), result["rps"]]
            kept = merged.get(key)
            better = result["status"] == "ok" and (
                kept is None or kept["status"] != "ok" or result["rps"] > kept["rps"]
            )
            if kept is None or better:
                kept = dict(result)
            kept["runs"] = [rate for rate in rates if rate is not None]
            merged[key] = kept
    return list(merged.values())


def run_suite(options: argparse.Namespace) -> list[Result]:
    """All selected frameworks x tests; with several rounds, the best run of each.

    Rounds alternate the framework order, so load from elsewhere on the machine at one
    moment does not always fall on the same framework.
    """
    tests = tests_by_name(options.only)
    frameworks = by_name(options.frameworks)
    rounds: list[list[Result]] = []
    for number in range(options.rounds):
        order = frameworks if number % 2 == 0 else frameworks[::-1]
        results: list[Result] = []
        for framework in order:
            results += run_framework(framework, tests, options)
        rounds.append(results)
    merged = best_of(rounds)
    position = {f.name: i for i, f in enumerate(frameworks)}
    test_position = {t.name: i for i, t in enumerate(tests)}
    return sorted(merged, key=lambda r: (position[r["framework"]], test_position[r["test"]]))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The load options shared with benchmarks/run.py."""
    parser.add_argument("--frameworks", help="comma-separated, e.g. starlette,fastapi")
    parser.add_argument("--only", help="comma-separated tests, e.g. fortunes,json")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per test")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per test")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="repeat and keep each best run")
    parser.add_argument("--server", choices=servers.SERVERS, default="granian")
    parser.add_argument("--server-cpu", default="1", help="core the server is pinned to")
    parser.add_argument("--wrk-cpu", default="0", help="core wrk is pinned to")
    parser.add_argument("--log-dir", type=Path, default=servers.ROOT / "benchmarks" / ".work")


def check_bounds(options: argparse.Namespace) -> None:
    """Refuse unbounded runs: every wrk run lasts at most MAX_DURATION seconds."""
    for name in ("duration", "warmup"):
        value = getattr(options, name)
        if not 0 <= value <= MAX_DURATION:
            raise SystemExit(f"--{name} must be between 0 and {MAX_DURATION:.0f} seconds")
    if options.duration < 1:
        raise SystemExit("--duration must be at least 1 second")
    if not 1 <= options.rounds <= 5:
        raise SystemExit("--rounds must be between 1 and 5")


def main() -> None:
    from benchmarks.report import techempower_tables

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    options = parser.parse_args()
    check_bounds(options)
    servers.stop_on_sigterm()
    print(techempower_tables(run_suite(options)))


if __name__ == "__main__":
    main()
