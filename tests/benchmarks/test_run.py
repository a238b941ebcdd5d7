"""The one-command runner's output: the results file and the README's latest-results block."""

from __future__ import annotations

from pathlib import Path

from benchmarks import run


def _data() -> dict[str, object]:
    result = {
        "framework": "starlette", "label": "Starlette", "test": "json", "status": "ok",
        "rps": 1000.0, "p50_ms": 1.0, "p99_ms": 3.0, "requests": 10, "errors": 0, "note": "",
    }  # fmt: skip
    return {
        "date": "2026-01-02",
        "command": "python benchmarks/run.py",
        "machine": ["- CPU: test"],
        "techempower": [result],
        "memory": [],
        "micro": [
            {"script": "x_bench.py", "status": "ok", "seconds": 1.0, "output": "| a |\n|---|"},
            {"script": "y_bench.py", "status": "exit 1", "seconds": 2.0, "output": "plain"},
        ],
        "skipped": {"masonite": "does not install"},
    }


def test_render_has_every_section(tmp_path: Path) -> None:
    text = run.render(_data(), tmp_path / "2026-01-02-ratios.png")
    assert text.startswith("# Benchmark results, 2026-01-02")
    for part in (
        "## Machine",
        "- CPU: test",
        "| Starlette | 1.00 |",
        "masonite: does not install",
        "![ratios to raw Starlette](2026-01-02-ratios.png)",
        "### x_bench.py (ok",
        "### y_bench.py (exit 1, 2 s)\n\n```text\nplain\n```",
    ):
        assert part in text, part


def test_update_readme_replaces_only_the_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{run.README_START}\nold\n{run.README_END}\noutro\n")
    assert run.update_readme("NEW TABLE", "2026-01-02.md", readme)
    text = readme.read_text()
    assert "old" not in text
    assert text.startswith("intro\n")
    assert text.endswith("outro\n")
    assert "NEW TABLE" in text
    assert "results/2026-01-02.md" in text
    readme.write_text("no markers")
    assert not run.update_readme("X", "y.md", readme)
    assert readme.read_text() == "no markers"


def test_machine_notes_name_cpu_python_and_settings() -> None:
    import argparse

    options = argparse.Namespace(
        server="granian",
        server_cpu="1",
        wrk_cpu="0",
        connections=64,
        warmup=3.0,
        duration=10.0,
        rounds=2,
    )
    notes = "\n".join(run.machine_notes(options))
    assert "CPU:" in notes
    assert "Python" in notes
    assert "wrk -t1 -c64" in notes
