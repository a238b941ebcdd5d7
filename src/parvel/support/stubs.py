"""Stub templates for ``make:*`` commands, overridable by the app (``stub:publish``).

A stub is a text file with ``{{ placeholder }}`` markers. :func:`render_stub` looks for
``stubs/<name>`` in the app first, then in the framework package that ships it.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from parvel.exceptions import ParvelError

STUB_PACKAGES = [
    "parvel.console.stubs",
    "parvel.http.stubs",
    "parvel.database.migrations.stubs",
    "parvel.database.seeding.stubs",
    "parvel.validation.stubs",
    "parvel.session.stubs",
    "parvel.orm.stubs",
]
"""Packages whose ``*.stub`` files ``stub:publish`` copies into the app's ``stubs/`` folder."""

_MARKER = re.compile(r"\{\{\s*([a-zA-Z_]+)\s*\}\}")


class StubError(ParvelError):
    """A stub is missing, or a generated file already exists."""

    code = "stub-error"


def available_stubs() -> dict[str, str]:
    """Every shipped stub: ``{file name: text}``."""
    found: dict[str, str] = {}
    for package in STUB_PACKAGES:
        try:
            folder = resources.files(package)
        except ModuleNotFoundError:
            continue
        for entry in folder.iterdir():
            if entry.name.endswith(".stub"):
                found.setdefault(entry.name, entry.read_text(encoding="utf-8"))
    return found


def load_stub(name: str, app_base: Path | None = None) -> str:
    """The text of stub ``name``: the app's ``stubs/<name>`` if present, else the shipped one."""
    if app_base is not None:
        custom = app_base / "stubs" / name
        if custom.is_file():
            return custom.read_text(encoding="utf-8")
    shipped = available_stubs().get(name)
    if shipped is None:
        raise StubError(f"There is no stub named '{name}'.")
    return shipped


def render_stub(name: str, replacements: dict[str, str], app_base: Path | None = None) -> str:
    """Load stub ``name`` and fill its ``{{ key }}`` markers from ``replacements``."""
    text = load_stub(name, app_base)
    return _MARKER.sub(lambda m: replacements.get(m.group(1), m.group(0)), text)


def write_generated(path: Path, content: str, *, force: bool = False) -> Path:
    """Write a generated file, creating folders; refuse to overwrite unless ``force``.

    Raises:
        StubError: the file exists and ``force`` is false.
    """
    if path.exists() and not force:
        raise StubError(f"{path.name} already exists.", hint="Pass --force to overwrite it.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    init = path.parent / "__init__.py"
    if path.suffix == ".py" and not init.exists():
        init.touch()
    return path
