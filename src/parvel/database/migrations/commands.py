"""The migration console commands as plain async functions (the CLI wires them to click).

Each takes a :class:`Migrator`, a :class:`rich.console.Console` and the command's options,
prints Laravel-style progress and returns an exit code. Importing this module has no side
effects.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parvel.database.exceptions import DatabaseError
from parvel.database.migrations.creator import create_migration
from parvel.database.migrations.migrator import MigrationEvent, Migrator
from parvel.database.schema.exceptions import SchemaError
from parvel.database.seeding.commands import db_seed, error, info, production_refused
from parvel.database.seeding.seeder import report_line


def _render(console: Console) -> Callable[[MigrationEvent], None]:
    def render(event: MigrationEvent) -> None:
        if event.kind == "done":
            report_line(console, event.migration, "DONE", "green", f"{event.time_ms:.2f}ms")
        elif event.kind == "skipped":
            report_line(console, event.migration, "SKIPPED", "yellow")
        elif event.kind == "failed":
            report_line(console, event.migration, "FAIL", "red")
        elif event.kind == "schema":
            info(console, "Loading stored database schemas.")
            report_line(console, event.migration, "DONE", "green", f"{event.time_ms:.2f}ms")
        elif event.kind == "missing":
            console.print(f"  [yellow]Migration not found:[/] {escape(event.migration)}")
        elif event.kind == "pretend":
            report_line(console, event.migration, "", "dim")
            for query in event.queries:
                console.print(f"  [dim]⇂ {escape(query)}[/dim]", highlight=False)

    return render


@contextmanager
def _reporting(migrator: Migrator, console: Console) -> Iterator[None]:
    previous = migrator.output
    migrator.output = _render(console)
    try:
        yield
    finally:
        migrator.output = previous


@asynccontextmanager
async def _isolation(migrator: Migrator, console: Console, isolated: bool) -> AsyncIterator[bool]:
    """Yield False (after saying so) when ``--isolated`` and another migrate holds the lock."""
    if not isolated:
        yield True
        return
    async with migrator.lock() as acquired:
        if not acquired:
            info(console, "Another migration command is running; skipping (--isolated).")
        yield acquired


async def migrate(
    migrator: Migrator,
    console: Console,
    *,
    isolated: bool = False,
    step: bool = False,
    pretend: bool = False,
    force: bool = False,
    seed: bool = False,
    seeder: str = "DatabaseSeeder",
    seeders_path: str | Path = "database/seeders",
    graceful: bool = False,
) -> int:
    """``migrate [--isolated] [--step] [--pretend] [--force] [--seed] [--seeder=] [--graceful]``.

    ``graceful`` reports errors but exits with 0, as Laravel's ``--graceful``.
    """
    if not pretend and production_refused(console, migrator.environment, force):
        return 1
    async with _isolation(migrator, console, isolated and not pretend) as acquired:
        if not acquired:
            return 0
        code = await _migrate(migrator, console, step, pretend, seed, seeder, seeders_path)
        return 0 if graceful else code


async def _migrate(
    migrator: Migrator,
    console: Console,
    step: bool,
    pretend: bool,
    seed: bool,
    seeder: str,
    seeders_path: str | Path,
) -> int:
    try:
        with _reporting(migrator, console):
            if not pretend:
                await migrator.load_schema_dump()
            if not pretend and not await migrator.repository.exists():
                info(console, "Preparing database.")
                await migrator.ensure_repository()
                report_line(console, "Creating migration table", "DONE", "green")
            pending = [f for f in migrator.files() if f.name not in set(await _ran(migrator))]
            if not pending:
                info(console, "Nothing to migrate.")
            else:
                info(console, "Running migrations.")
                await migrator.run(step=step, pretend=pretend, force=True)
                console.print()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    if seed and not pretend:
        return await db_seed(
            migrator.source, console, class_name=seeder, path=seeders_path, force=True
        )
    return 0


async def _ran(migrator: Migrator) -> list[str]:
    if not await migrator.repository.exists():
        return []
    return await migrator.repository.get_ran()


async def migrate_install(migrator: Migrator, console: Console) -> int:
    """``migrate:install``: create the migrations table."""
    try:
        await migrator.ensure_repository()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    info(console, "Migration table created successfully.")
    return 0


async def migrate_rollback(
    migrator: Migrator,
    console: Console,
    *,
    step: int = 0,
    batch: int | None = None,
    pretend: bool = False,
    force: bool = False,
) -> int:
    """``migrate:rollback [--step=N] [--batch=N] [--pretend] [--force]``."""
    if not pretend and production_refused(console, migrator.environment, force):
        return 1
    try:
        with _reporting(migrator, console):
            info(console, "Rolling back migrations.")
            done = await migrator.rollback(step=step, batch=batch, pretend=pretend, force=True)
            if not done:
                info(console, "Nothing to rollback.")
            console.print()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    return 0


async def migrate_reset(
    migrator: Migrator, console: Console, *, pretend: bool = False, force: bool = False
) -> int:
    """``migrate:reset [--pretend] [--force]``: roll back every migration."""
    if not pretend and production_refused(console, migrator.environment, force):
        return 1
    try:
        with _reporting(migrator, console):
            info(console, "Rolling back migrations.")
            if not await migrator.reset(pretend=pretend, force=True):
                info(console, "Nothing to rollback.")
            console.print()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    return 0


async def migrate_refresh(
    migrator: Migrator,
    console: Console,
    *,
    step: int = 0,
    force: bool = False,
    seed: bool = False,
    seeder: str = "DatabaseSeeder",
    seeders_path: str | Path = "database/seeders",
) -> int:
    """``migrate:refresh [--step=N] [--seed] [--force]``: roll back, then migrate again."""
    if production_refused(console, migrator.environment, force):
        return 1
    try:
        with _reporting(migrator, console):
            info(console, "Rolling back migrations.")
            if step > 0:
                await migrator.rollback(step=step, force=True)
            else:
                await migrator.reset(force=True)
            info(console, "Running migrations.")
            await migrator.run(force=True)
            console.print()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    if seed:
        return await db_seed(
            migrator.source, console, class_name=seeder, path=seeders_path, force=True
        )
    return 0


async def migrate_fresh(
    migrator: Migrator,
    console: Console,
    *,
    force: bool = False,
    seed: bool = False,
    seeder: str = "DatabaseSeeder",
    seeders_path: str | Path = "database/seeders",
    drop_views: bool = False,
    step: bool = False,
    drop_types: bool = False,
) -> int:
    """``migrate:fresh [--drop-views] [--drop-types] [--step] [--seed] [--force]``.

    Drops every table (and views, and PostgreSQL types), then migrates.
    """
    if production_refused(console, migrator.environment, force):
        return 1
    try:
        with _reporting(migrator, console):
            start = time.perf_counter()
            await migrator.wipe(force=True, drop_views=drop_views, drop_types=drop_types)
            ms = (time.perf_counter() - start) * 1000
            report_line(console, "Dropping all tables", "DONE", "green", f"{ms:.2f}ms")
            info(console, "Running migrations.")
            await migrator.run(step=step, force=True)
            console.print()
    except (DatabaseError, SchemaError) as exc:
        error(console, str(exc))
        return 1
    if seed:
        return await db_seed(
            migrator.source, console, class_name=seeder, path=seeders_path, force=True
        )
    return 0


async def migrate_status(migrator: Migrator, console: Console, *, pending: bool = False) -> int:
    """``migrate:status [--pending]``: a table of migrations with their batch or Pending."""
    try:
        if not await migrator.repository.exists():
            error(console, "Migration table not found.")
            return 1
        rows = await migrator.status()
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    if pending:
        rows = [r for r in rows if not r.ran]
    if not rows:
        info(console, "No migrations found.")
        return 0
    table = Table(show_edge=False, box=None, pad_edge=False)
    table.add_column("Migration name", style="bold")
    table.add_column("Batch / Status", justify="right")
    for row in rows:
        status = f"[{row.batch}] [green]Ran[/]" if row.ran else "[yellow]Pending[/]"
        table.add_row(escape(row.migration), status)
    console.print()
    console.print(table)
    console.print()
    return 0


async def schema_dump(
    migrator: Migrator,
    console: Console,
    *,
    path: str | Path | None = None,
    prune: bool = False,
) -> int:
    """``schema:dump [--path=] [--prune]``: write ``database/schema/<connection>-schema.sql``."""
    target = path or Path("database") / "schema" / f"{migrator.connection().name}-schema.sql"
    try:
        file = await migrator.dump_schema(target, prune=prune)
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    info(console, f"Database schema dumped to [{file}] successfully.")
    if prune:
        info(console, "Migrations pruned successfully.")
    return 0


async def make_migration(
    console: Console,
    name: str,
    *,
    path: str | Path = "database/migrations",
    create: str | None = None,
    table: str | None = None,
    now: datetime | None = None,
    stub_path: str | Path | None = None,
) -> int:
    """``make:migration create_posts_table [--create=posts] [--table=posts] [--path=]``."""
    try:
        file = create_migration(
            name, path, create=create, table=table, now=now, stub_path=stub_path
        )
    except DatabaseError as exc:
        error(console, str(exc))
        return 1
    info(console, f"Migration [{_relative(file)}] created successfully.")
    return 0


def _relative(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it (as artisan prints)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
