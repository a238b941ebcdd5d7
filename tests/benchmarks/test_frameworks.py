"""The framework registry: selection by name and honest reasons when an entry cannot run."""

from __future__ import annotations

import sys

import pytest
from benchmarks.techempower import frameworks, venvs
from benchmarks.techempower.frameworks import Framework


def test_every_app_module_is_named_after_its_entry() -> None:
    for entry in frameworks.FRAMEWORKS:
        assert entry.target == f"benchmarks.techempower.{entry.name}_app.app:app"
        assert entry.interface in {"asgi", "asginl", "wsgi"}
    assert frameworks.BASELINE in {entry.name for entry in frameworks.FRAMEWORKS}


def test_selection_keeps_the_given_order() -> None:
    chosen = frameworks.by_name("flask, starlette")
    assert [entry.name for entry in chosen] == ["flask", "starlette"]
    assert [t.name for t in frameworks.tests_by_name("fortunes,json")] == ["fortunes", "json"]
    assert len(frameworks.by_name(None)) == len(frameworks.FRAMEWORKS)


def test_unknown_names_are_refused() -> None:
    with pytest.raises(SystemExit, match="unknown framework 'pyramid'"):
        frameworks.by_name("starlette,pyramid")
    with pytest.raises(SystemExit, match="unknown test 'cached'"):
        frameworks.tests_by_name("cached")


def test_missing_reasons() -> None:
    no_app = Framework("ghost", "Ghost", "benchmarks.techempower.ghost_app.app:app")
    assert no_app.missing() == "no app yet"
    no_lib = Framework(
        "x", "X", "benchmarks.techempower.starlette_app.app:app", requires=("no_such_lib_x",)
    )
    assert no_lib.missing() == "`no_such_lib_x` is not installed"


def test_masonite_runs_from_its_own_venv_with_one_thread() -> None:
    (masonite,) = frameworks.by_name("masonite")
    assert masonite.venv == "masonite"
    assert masonite.venv in venvs.REQUIREMENTS
    assert masonite.interface == "wsgi"
    assert masonite.threads == 1
    assert masonite.python == str(venvs.python("masonite"))
    assert "masonite" not in frameworks.SKIPPED
    (flask,) = frameworks.by_name("flask")
    assert flask.python == sys.executable


def test_venv_and_thread_reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    single = Framework(
        "x", "X", "benchmarks.techempower.flask_app.app:app", interface="wsgi", threads=1
    )
    assert "uvicorn" in (single.missing("uvicorn") or "")
    monkeypatch.setattr(venvs, "ensure", lambda name: f"could not create {name}")
    boxed = Framework("y", "Y", "benchmarks.techempower.flask_app.app:app", venv="boxed")
    assert boxed.missing() == "could not create boxed"
