"""The seeding console commands as plain async functions (the CLI wires them to click).

Each takes its options and a :class:`rich.console.Console` and returns an exit code.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape

from parvel.database.connection import Connection
from parvel.database.exceptions import DatabaseError
from parvel.database.manager import DatabaseManager
from parvel.database.seeding.creator import create_seeder
from parvel.database.seeding.loader import SeederLoader


def info(console: Console, message: str) -> None:
    """Print Laravel's ``INFO`` badge line."""
    console.print(
        f"\n  [bold white on blue] INFO [/] {escape(message)}\n", highlight=False, soft_wrap=True
    )


def error(console: Console, message: str) -> None:
    """Print an ``ERROR`` badge line."""
    console.print(
        f"\n  [bold white on red] ERROR [/] {escape(message)}\n", highlight=False, soft_wrap=True
    )


def production_refused(console: Console, environment: str, force: bool) -> bool:
    """True (and a warning printed) when running in production without ``--force``."""
    if environment == "production" and not force:
        console.print(
            "\n  [bold black on yellow] WARN [/] The application is in production. "
            "Pass --force to run this command.\n",
            highlight=False,
        )
        return True
    return False


async def db_seed(
    db: DatabaseManager | Connection,
    console: Console,
    *,
    class_name: str = "DatabaseSeeder",
    path: str | Path = "database/seeders",
    force: bool = False,
    environment: str = "local",
) -> int:
    """``db:seed [--class=DatabaseSeeder] [--force]``."""
    if production_refused(console, environment, force):
        return 1
    loader = SeederLoader(path)
    try:
        seeder_class = loader.load(class_name)
        info(console, "Seeding database.")
        await seeder_class(db, console=console, loader=loader).invoke()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    console.print()
    return 0


async def make_seeder(
    console: Console,
    name: str,
    *,
    path: str | Path = "database/seeders",
    stub_path: str | Path | None = None,
) -> int:
    """``make:seeder UserSeeder``."""
    try:
        file = create_seeder(name, path, stub_path=stub_path)
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    info(console, f"Seeder [{_relative(file)}] created successfully.")
    return 0


def _relative(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it (as artisan prints)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
