"""The ``parvel`` commands of the database layer: migrate*, db:*, make:migration, make:seeder.

Each is a thin wrapper reading the app's settings and calling the functions in
``parvel.database.migrations.commands``, ``parvel.database.seeding.commands`` and
``parvel.database.console``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from parvel.container import Container
from parvel.support.console import Argument, Option, Output, command

if TYPE_CHECKING:
    from parvel.database.manager import DatabaseManager

Database = Annotated[str | None, Option(help="The database connection to use")]
Force = Annotated[bool, Option(help="Force the operation to run when in production")]
Pretend = Annotated[bool, Option(help="Dump the SQL queries that would be run")]
Seed = Annotated[bool, Option(help="Indicates if the seed task should be re-run")]
MigrationsPath = Annotated[str | None, Option(help="The path to the migrations files")]
SeederName = Annotated[str, Option(help="The class name of the root seeder")]


def _app(container: Container) -> Any:
    return container  # the running Application, bound as the Container


def _migrator(container: Container, database: str | None, path: str | None = None) -> Any:
    from parvel.database.migrations import Migrator

    app = _app(container)
    manager: DatabaseManager = app.make("db")
    paths = [app.base_path(path)] if path else [app.database_path("migrations")]
    return Migrator(
        manager,
        paths,
        connection=database,
        table=str(app.config.get("database.migrations.table", "migrations")),
        environment=str(app.environment()),
        schema_path=app.database_path("schema"),
    )


def _seeders(container: Container) -> str:
    return str(_app(container).database_path("seeders"))


@command("migrate")
async def migrate(
    *,
    database: Database = None,
    force: Force = False,
    path: Annotated[str | None, Option(help="The path to the migrations files")] = None,
    pretend: Pretend = False,
    seed: Seed = False,
    seeder: SeederName = "DatabaseSeeder",
    step: Annotated[
        bool, Option(help="Force the migrations to be run so they can be rolled back individually")
    ] = False,
    isolated: Annotated[
        bool, Option(help="Do not run the command if another instance holds the lock")
    ] = False,
    graceful: Annotated[
        bool, Option(help="Return a successful exit code even if an error occurs")
    ] = False,
    app: Container,
    out: Output,
) -> int:
    """Run the database migrations."""
    from parvel.database.migrations import commands

    return await commands.migrate(
        _migrator(app, database, path), out.console, isolated=isolated, step=step, pretend=pretend,
        force=force, seed=seed, seeder=seeder, seeders_path=_seeders(app), graceful=graceful,
    )  # fmt: skip


@command("migrate:install")
async def migrate_install(*, database: Database = None, app: Container, out: Output) -> int:
    """Create the migration repository."""
    from parvel.database.migrations import commands

    return await commands.migrate_install(_migrator(app, database), out.console)


@command("migrate:rollback")
async def migrate_rollback(
    *,
    database: Database = None,
    force: Force = False,
    path: Annotated[str | None, Option(help="The path to the migrations files")] = None,
    pretend: Pretend = False,
    step: Annotated[int, Option(help="The number of migrations to be reverted")] = 0,
    batch: Annotated[
        int | None,
        Option(help="The batch of migrations (identified by their batch number) to be reverted"),
    ] = None,
    app: Container,
    out: Output,
) -> int:
    """Rollback the last database migration."""
    from parvel.database.migrations import commands

    return await commands.migrate_rollback(
        _migrator(app, database, path),
        out.console,
        step=step,
        batch=batch,
        pretend=pretend,
        force=force,
    )


@command("migrate:reset")
async def migrate_reset(
    *,
    database: Database = None,
    force: Force = False,
    path: MigrationsPath = None,
    pretend: Pretend = False,
    app: Container,
    out: Output,
) -> int:
    """Rollback all database migrations."""
    from parvel.database.migrations import commands

    return await commands.migrate_reset(
        _migrator(app, database, path), out.console, pretend=pretend, force=force
    )


@command("migrate:refresh")
async def migrate_refresh(
    *,
    database: Database = None,
    force: Force = False,
    seed: Seed = False,
    seeder: SeederName = "DatabaseSeeder",
    step: Annotated[int, Option(help="The number of migrations to be reverted & re-run")] = 0,
    path: MigrationsPath = None,
    app: Container,
    out: Output,
) -> int:
    """Reset and re-run all migrations."""
    from parvel.database.migrations import commands

    return await commands.migrate_refresh(
        _migrator(app, database, path), out.console, step=step, force=force, seed=seed, seeder=seeder,
        seeders_path=_seeders(app),
    )  # fmt: skip


@command("migrate:fresh")
async def migrate_fresh(
    *,
    database: Database = None,
    force: Force = False,
    seed: Seed = False,
    seeder: SeederName = "DatabaseSeeder",
    drop_views: Annotated[bool, Option(help="Drop all tables and views")] = False,
    drop_types: Annotated[bool, Option(help="Drop all tables and types (Postgres only)")] = False,
    step: Annotated[
        bool, Option(help="Force the migrations to be run so they can be rolled back individually")
    ] = False,
    path: MigrationsPath = None,
    app: Container,
    out: Output,
) -> int:
    """Drop all tables and re-run all migrations."""
    from parvel.database.migrations import commands

    return await commands.migrate_fresh(
        _migrator(app, database, path), out.console, force=force, seed=seed, seeder=seeder,
        seeders_path=_seeders(app), drop_views=drop_views, step=step, drop_types=drop_types,
    )  # fmt: skip


@command("migrate:status")
async def migrate_status(
    *,
    database: Database = None,
    pending: Annotated[bool, Option(help="Only list pending migrations")] = False,
    path: MigrationsPath = None,
    app: Container,
    out: Output,
) -> int:
    """Show the status of each migration."""
    from parvel.database.migrations import commands

    return await commands.migrate_status(
        _migrator(app, database, path), out.console, pending=pending
    )


@command("make:migration")
async def make_migration(
    name: Annotated[str, Argument(help="The name of the migration (e.g. create_posts_table)")],
    *,
    create: Annotated[str | None, Option(help="The table to be created")] = None,
    table: Annotated[str | None, Option(help="The table to migrate")] = None,
    path: Annotated[
        str | None, Option(help="The location where the migration file should be created")
    ] = None,
    app: Container,
    out: Output,
) -> int:
    """Create a new migration file."""
    from parvel.database.migrations import commands

    application = _app(app)
    folder = application.base_path(path) if path else application.database_path("migrations")
    stubs = application.base_path("stubs")
    return await commands.make_migration(
        out.console, name, path=folder, create=create, table=table,
        stub_path=stubs if stubs.is_dir() else None,
    )  # fmt: skip


@command("schema:dump")
async def schema_dump(
    *,
    database: Database = None,
    path: Annotated[
        str | None, Option(help="The path where the schema dump file should be stored")
    ] = None,
    prune: Annotated[bool, Option(help="Delete all existing migration files")] = False,
    app: Container,
    out: Output,
) -> int:
    """Dump the given database schema."""
    from parvel.database.migrations import commands

    return await commands.schema_dump(_migrator(app, database), out.console, path=path, prune=prune)


@command("db:seed")
async def db_seed(
    class_name_argument: Annotated[
        str | None, Argument(help="The class name of the root seeder", metavar="CLASS")
    ] = None,
    *,
    class_name: Annotated[
        str, Option("--class", help="The class name of the root seeder")
    ] = "DatabaseSeeder",
    database: Database = None,
    force: Force = False,
    app: Container,
    out: Output,
) -> int:
    """Seed the database with records."""
    from parvel.database.seeding import commands

    application = _app(app)
    manager: DatabaseManager = application.make("db")
    source: Any = manager.connection(database) if database else manager
    return await commands.db_seed(
        source, out.console, class_name=class_name_argument or class_name, path=_seeders(app),
        force=force, environment=str(application.environment()),
    )  # fmt: skip


@command("make:seeder")
async def make_seeder(
    name: Annotated[str, Argument(help="The name of the seeder (e.g. UserSeeder)")],
    *,
    app: Container,
    out: Output,
) -> int:
    """Create a new seeder class."""
    from parvel.database.seeding import commands

    stubs = _app(app).base_path("stubs")
    return await commands.make_seeder(
        out.console, name, path=_seeders(app), stub_path=stubs if stubs.is_dir() else None
    )


@command("db:show")
async def db_show(
    *,
    database: Database = None,
    counts: Annotated[bool, Option(help="Show the table row count")] = False,
    app: Container,
    out: Output,
) -> int:
    """Display information about the given database."""
    from parvel.database import console

    await console.db_show(_app(app).make("db"), database, counts=counts, console=out.console)
    return 0


@command("db:table")
async def db_table(
    table: Annotated[str, Argument(help="The name of the table")],
    *,
    database: Database = None,
    app: Container,
    out: Output,
) -> int:
    """Display information about the given database table."""
    from parvel.database import console

    await console.db_table(_app(app).make("db"), table, database, console=out.console)
    return 0


@command("db:wipe")
async def db_wipe(
    *,
    database: Database = None,
    drop_views: Annotated[bool, Option(help="Drop all tables and views")] = False,
    drop_types: Annotated[bool, Option(help="Drop all tables and types (Postgres only)")] = False,
    force: Force = False,
    app: Container,
    out: Output,
) -> int:
    """Drop all tables, views, and types."""
    from parvel.database import console
    from parvel.database.schema.exceptions import SchemaError

    application = _app(app)
    if application.is_production() and not force:
        out.error("   ERROR  The application is in production: pass --force to wipe the database.")
        return 1
    try:
        dropped = await console.db_wipe(
            application.make("db"), database, drop_views=drop_views, drop_types=drop_types,
            console=out.console,
        )  # fmt: skip
    except SchemaError as exc:
        out.error(f"   ERROR  {exc}")
        return 1
    out.info(f"   INFO  Dropped all tables successfully ({len(dropped)}).")
    return 0


ALL = [
    migrate, migrate_install, migrate_rollback, migrate_reset, migrate_refresh, migrate_fresh,
    migrate_status, make_migration, schema_dump, db_seed, make_seeder, db_show, db_table, db_wipe,
]  # fmt: skip
