"""Result tables, ratios, the memory table and the chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import report


def _result(framework: str, test: str, rps: float | None, status: str = "ok") -> dict[str, Any]:
    return {
        "framework": framework,
        "label": framework.title(),
        "test": test,
        "status": status,
        "rps": rps,
        "p50_ms": 1.0,
        "p99_ms": 2.5 if rps else None,
        "requests": 100,
        "errors": 0,
        "note": "" if status == "ok" else "why",
    }


RESULTS = [
    _result("parvel", "json", 500.0),
    _result("starlette", "json", 1000.0),
    _result("django", "json", 250.0),
    _result("parvel", "db", None, "invalid"),
    _result("starlette", "db", 400.0),
    _result("django", "db", 100.0),
]


def test_ratio_matrix_divides_by_starlette() -> None:
    matrix = report.ratio_matrix(RESULTS)
    assert "| Parvel | 0.50 | — |" in matrix
    assert "| Django | 0.25 | 0.25 |" in matrix
    assert "| Starlette | 1.00 | 1.00 |" in matrix


def test_test_table_shows_parvel_against_each_peer() -> None:
    table = report.test_table(RESULTS, "json")
    assert "| Django | 250 | 2.50 | 0.25 | 2.00 |" in table
    assert "| Starlette | 1,000 | 2.50 | 1.00 | 0.50 |" in table


def test_invalid_results_are_shown_not_measured() -> None:
    table = report.test_table(RESULTS, "db")
    assert "| Parvel | — |" in table
    assert "invalid: why" in table


def test_missing_parvel_is_said_plainly() -> None:
    skipped = [_result("parvel", "json", None, "skipped"), _result("starlette", "json", 9.0)]
    assert "Parvel was not measured in this run: why." in report.techempower_tables(skipped)


def test_memory_table() -> None:
    rows = [
        {"framework": "a", "label": "A", "status": "ok", "path": "/fortunes", "first": 1000,
         "total": 100_000, "rss_first_kib": 40960, "rss_total_kib": 51200,
         "growth_percent": 25.0, "note": "grew more than 10 %"},
        {"framework": "b", "label": "B", "status": "skipped", "note": "no app yet"},
    ]  # fmt: skip
    table = report.memory_table(rows)
    assert "| A | /fortunes | 40.0 (after 1,000) | 50.0 | 100,000 | +25.0 % |" in table
    assert "skipped: no app yet" in table


def test_chart_is_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = report.ratio_chart(RESULTS, tmp_path / "chart.png")
    assert path is not None
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_chart_without_a_baseline(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    without = [r for r in RESULTS if r["framework"] != "starlette"]
    assert report.ratio_chart(without, tmp_path / "chart.png") is None
