"""Turn benchmark results into markdown tables and a PNG chart of the ratios.

    python benchmarks/report.py benchmarks/results/<date>.json   # re-render a saved run

Re-rendering prints the tables and redraws ``<date>-ratios.png`` beside the JSON file.

Results are the dicts produced by benchmarks/techempower/runner.py (one per framework x test)
and benchmarks/techempower/memory.py (one per framework).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

BASELINE = "starlette"
FOCUS = "parvel"
Result = dict[str, Any]


def _tests(results: Iterable[Result]) -> list[str]:
    return list(dict.fromkeys(result["test"] for result in results))


def _frameworks(results: Iterable[Result]) -> list[tuple[str, str]]:
    return list(dict.fromkeys((result["framework"], result["label"]) for result in results))


def _rps(results: list[Result], framework: str, test: str) -> float | None:
    for result in results:
        if result["framework"] == framework and result["test"] == test:
            rps: float | None = result["rps"] if result["status"] in ("ok", "errors") else None
            return rps
    return None


def _ratio(top: float | None, bottom: float | None) -> str:
    return f"{top / bottom:.2f}" if top and bottom else "—"


def _number(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def test_table(results: list[Result], test: str) -> str:
    """One test: req/s, p99, ratio to raw Starlette and Parvel's ratio to each framework."""
    base = _rps(results, BASELINE, test)
    focus = _rps(results, FOCUS, test)
    lines = [
        f"#### {test}",
        "",
        "| framework | requests/s | p99 (ms) | × Starlette | Parvel ÷ this | notes |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for result in (r for r in results if r["test"] == test):
        rps = result["rps"] if result["status"] in ("ok", "errors") else None
        note = (
            result["note"]
            if result["status"] in ("ok", "errors")
            else (f"{result['status']}: {result['note']}")
        )
        lines.append(
            f"| {result['label']} | {_number(rps)} | {_number(result['p99_ms'], 2)} "
            f"| {_ratio(rps, base)} | {_ratio(focus, rps)} | {note} |"
        )
    return "\n".join(lines)


def ratio_matrix(results: list[Result]) -> str:
    """Every framework's requests/s divided by raw Starlette's, one column per test."""
    tests = _tests(results)
    lines = [
        "| framework | " + " | ".join(tests) + " |",
        "|---|" + "---:|" * len(tests),
    ]
    for name, label in _frameworks(results):
        cells = [_ratio(_rps(results, name, t), _rps(results, BASELINE, t)) for t in tests]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def techempower_tables(results: list[Result]) -> str:
    """The whole TechEmpower section: the ratio summary, then one table per test."""
    if not results:
        return "No TechEmpower results."
    parts = [
        "### Ratio to raw Starlette (requests/s; 1.00 = as fast, higher is faster)",
        "",
        ratio_matrix(results),
    ]
    if all(r["status"] == "skipped" for r in results if r["framework"] == FOCUS):
        skipped = next((r for r in results if r["framework"] == FOCUS), None)
        if skipped is not None:
            parts += ["", f"Parvel was not measured in this run: {skipped['note']}."]
    for test in _tests(results):
        parts += ["", test_table(results, test)]
    return "\n".join(parts)


def memory_table(rows: list[Result]) -> str:
    """Worker RSS after the first requests and after all of them, with the growth."""
    lines = [
        "| framework | path | RSS after first (MiB) | RSS after total (MiB) | requests | growth | notes |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if row["status"] != "ok":
            lines.append(f"| {row['label']} | | | | | | {row['status']}: {row['note']} |")
            continue
        lines.append(
            f"| {row['label']} | {row['path']} | {row['rss_first_kib'] / 1024:.1f} "
            f"(after {row['first']:,}) | {row['rss_total_kib'] / 1024:.1f} | {row['total']:,} "
            f"| {row['growth_percent']:+.1f} % | {row['note']} |"
        )
    return "\n".join(lines)


def ratio_chart(results: list[Result], path: Path, title: str = "") -> Path | None:
    """A grouped bar chart of each framework's ratio to raw Starlette, per test (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tests = _tests(results)
    frameworks = [
        (name, label)
        for name, label in _frameworks(results)
        if any(_rps(results, name, test) for test in tests)
    ]
    if not tests or not frameworks or not any(_rps(results, BASELINE, t) for t in tests):
        return None
    width = 0.8 / len(frameworks)
    figure, axes = plt.subplots(figsize=(max(8, 1.6 * len(tests)), 5), dpi=110)
    for index, (name, label) in enumerate(frameworks):
        values = []
        for test in tests:
            rps, base = _rps(results, name, test), _rps(results, BASELINE, test)
            values.append(rps / base if rps and base else 0.0)
        positions = [i + (index - (len(frameworks) - 1) / 2) * width for i in range(len(tests))]
        axes.bar(positions, values, width, label=label)
    axes.axhline(1.0, color="black", linewidth=0.8, linestyle="--")
    axes.set_xticks(range(len(tests)), tests)
    axes.set_ylabel("requests/s ÷ raw Starlette")
    axes.set_title(title or "TechEmpower tests: ratio to raw Starlette (higher is faster)")
    axes.legend(fontsize="small", ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.08))
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python benchmarks/report.py benchmarks/results/<date>.json")
    source = Path(sys.argv[1])
    data = json.loads(source.read_text())
    chart = ratio_chart(data["techempower"], source.with_name(f"{source.stem}-ratios.png"))
    print(techempower_tables(data["techempower"]))
    if data.get("memory"):
        print("\n" + memory_table(data["memory"]))
    if chart is not None:
        print(f"\nchart: {chart}")


if __name__ == "__main__":
    main()
