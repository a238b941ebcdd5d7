"""Fixtures for the Blade tests: an engine over a temporary view folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parvel.view import Blade


@pytest.fixture
def view_path(tmp_path: Path) -> Path:
    path = tmp_path / "views"
    path.mkdir()
    return path


@pytest.fixture
def blade(view_path: Path, tmp_path: Path) -> Blade:
    return Blade(paths=[view_path], cache_path=tmp_path / "cache")


@pytest.fixture
def views(view_path: Path) -> Callable[..., Path]:
    """Write templates: ``views(**{"posts.index": "source"})`` or ``views("name", "source")``."""

    def write(name: str | None = None, source: str | None = None, **more: str) -> Path:
        if name is not None:
            more[name] = source or ""
        last = view_path
        for view, text in more.items():
            last = view_path / (view.replace(".", "/") + ".blade.html")
            last.parent.mkdir(parents=True, exist_ok=True)
            last.write_text(text)
        return last

    return write


@pytest.fixture
def render(blade: Blade) -> Callable[..., str]:
    """Render inline source: ``render("{{ x }}", x=1)``."""

    def run(source: str, **context: Any) -> str:
        return blade.render_string(source, context)

    return run
