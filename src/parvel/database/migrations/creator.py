"""``make:migration``: write a new migration file from a stub.

The stubs live in ``parvel/database/migrations/stubs`` (``migration.create.stub``,
``migration.update.stub``, ``migration.stub``); pass ``stub_path`` to use published copies.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from parvel.database.migrations.exceptions import MigrationError

STUBS = Path(__file__).parent / "stubs"

_CREATE = (re.compile(r"^create_(\w+)_table$"), re.compile(r"^create_(\w+)$"))
_CHANGE = (re.compile(r".+_(?:to|from|in)_(\w+)_table$"), re.compile(r".+_(?:to|from|in)_(\w+)$"))


def snake(name: str) -> str:
    """``CreatePostsTable`` or ``create posts table`` → ``create_posts_table``."""
    name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name.strip())
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").lower()


def studly(name: str) -> str:
    """``create_posts_table`` → ``CreatePostsTable``."""
    return "".join(part[:1].upper() + part[1:] for part in snake(name).split("_") if part)


def guess_table(name: str) -> tuple[str | None, bool]:
    """Guess ``(table, creating)`` from a migration name, like ``create_posts_table``."""
    for pattern in _CREATE:
        match = pattern.match(name)
        if match:
            return match.group(1), True
    for pattern in _CHANGE:
        match = pattern.match(name)
        if match:
            return match.group(1), False
    return None, False


def render_stub(stub: str, class_name: str, table: str | None) -> str:
    """Fill a stub's ``{{ class }}`` and ``{{ table }}`` placeholders."""
    text = stub.replace("{{ class }}", class_name).replace("{{class}}", class_name)
    return text.replace("{{ table }}", table or "").replace("{{table}}", table or "")


def create_migration(
    name: str,
    path: str | Path,
    *,
    create: str | None = None,
    table: str | None = None,
    now: datetime | None = None,
    stub_path: str | Path | None = None,
) -> Path:
    """Write ``YYYY_MM_DD_HHMMSS_<name>.py`` into ``path`` and return the new file.

    ``create``/``table`` name the table to create or change; otherwise they are guessed
    from the name (``create_posts_table``, ``add_votes_to_users_table``).
    """
    base = snake(name)
    if not base:
        raise MigrationError(
            f"Invalid migration name {name!r}.", hint="Use a name like create_posts_table."
        )
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob(f"*_{base}.py"))
    if any(
        re.match(r"^\d{4}_\d{2}_\d{2}_\d{6}_" + re.escape(base) + r"\.py$", f.name)
        for f in existing
    ):
        raise MigrationError(
            f"A migration named {base} already exists in {folder}.",
            hint="Choose another name; each migration's class name must be unique.",
        )
    creating = create is not None
    target = create or table
    if target is None:
        target, creating = guess_table(base)
    kind = (
        "migration.create.stub"
        if creating
        else "migration.update.stub"
        if target
        else "migration.stub"
    )
    stub_dir = Path(stub_path) if stub_path else STUBS
    stub_file = stub_dir / kind if (stub_dir / kind).is_file() else STUBS / kind
    stamp = (now or datetime.now()).strftime("%Y_%m_%d_%H%M%S")
    file = folder / f"{stamp}_{base}.py"
    file.write_text(render_stub(stub_file.read_text(), studly(base), target), encoding="utf-8")
    return file
