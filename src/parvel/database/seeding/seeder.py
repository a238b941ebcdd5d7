"""The base class of database seeders.

::

    class DatabaseSeeder(Seeder):
        async def run(self) -> None:
            await self.call([UserSeeder, PostSeeder])
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from parvel.database.connection import Connection
from parvel.database.manager import DatabaseManager
from parvel.database.seeding.exceptions import SeederError

if TYPE_CHECKING:
    from parvel.database.seeding.loader import SeederLoader


def report_line(console: Console, name: str, status: str, style: str, detail: str = "") -> None:
    """Print ``  Name ........ 12 ms DONE`` filling the console width with dots."""
    right = f"{detail} {status}".strip()
    dots = max(console.width - len(name) - len(right) - 6, 3)
    console.print(
        f"  {escape(name)} [dim]{'.' * dots}[/dim] {detail + ' ' if detail else ''}[{style}]{status}[/{style}]",
        highlight=False,
    )


class WithoutModelEvents:
    """Mixin: model events (``creating``, observers...) stay silent while the seeder runs.

    ``class UserSeeder(WithoutModelEvents, Seeder): ...`` as Laravel's ``use
    WithoutModelEvents``. Other seeders it calls run muted too.
    """


def _muted_model_events() -> AbstractContextManager[Any]:
    """The ORM's ``without_events()`` block when the ORM is loaded, else a no-op.

    The database layer sits below the ORM and cannot import it; when no model module is
    loaded there are no model events to mute.
    """
    events = sys.modules.get("parvel.orm.events")
    muted = getattr(events, "without_events", None)
    if muted is None:
        return nullcontext()
    block: AbstractContextManager[Any] = muted()
    return block


class Seeder:
    """Fill the database with data; override :meth:`run`.

    Attributes:
        db: The database manager or connection to write through (``self.db.table(...)``).
        console: Where progress lines go (``None``: silent).
        loader: Resolves seeder names given to :meth:`call` as strings.
    """

    def __init__(
        self,
        db: DatabaseManager | Connection,
        *,
        console: Console | None = None,
        loader: SeederLoader | None = None,
    ) -> None:
        self.db = db
        self.console = console
        self.loader = loader

    async def run(self) -> None:
        """Seed the database."""
        raise SeederError(
            f"{type(self).__name__} does not define run().",
            hint="Add `async def run(self) -> None:` to the seeder class.",
        )

    async def call(
        self,
        seeders: type[Seeder] | str | Sequence[type[Seeder] | str],
        *,
        silent: bool = False,
        **parameters: Any,
    ) -> None:
        """Run other seeders in order, printing a RUNNING/DONE line for each."""
        items = [seeders] if isinstance(seeders, type | str) else list(seeders)
        for item in items:
            cls = self._resolve(item)
            seeder = cls(self.db, console=self.console, loader=self.loader)
            await seeder.invoke(silent=silent, **parameters)

    async def call_silent(
        self, seeders: type[Seeder] | str | Sequence[type[Seeder] | str], **parameters: Any
    ) -> None:
        """Run other seeders without progress output."""
        await self.call(seeders, silent=True, **parameters)

    async def call_with(
        self,
        seeders: type[Seeder] | str | Sequence[type[Seeder] | str],
        parameters: dict[str, Any] | None = None,
    ) -> None:
        """Run other seeders passing ``parameters`` to their ``run()`` (Laravel's ``callWith``)."""
        await self.call(seeders, **(parameters or {}))

    async def invoke(self, *, silent: bool = False, **parameters: Any) -> None:
        """Run this seeder with progress output (unless ``silent``)."""
        name = type(self).__name__
        console = None if silent else self.console
        if console is not None:
            report_line(console, name, "RUNNING", "yellow")
        start = time.perf_counter()
        run: Callable[..., Any] = self.run
        if isinstance(self, WithoutModelEvents):
            with _muted_model_events():
                await run(**parameters)
        else:
            await run(**parameters)
        if console is not None:
            ms = (time.perf_counter() - start) * 1000
            report_line(console, name, "DONE", "green", f"{ms:.0f} ms")

    def _resolve(self, item: type[Seeder] | str) -> type[Seeder]:
        if isinstance(item, str):
            if self.loader is None:
                raise SeederError(
                    f"Cannot resolve seeder {item!r} by name: no seeders folder is known.",
                    hint="Pass the class itself: await self.call([UserSeeder]).",
                )
            return self.loader.load(item)
        if not (isinstance(item, type) and issubclass(item, Seeder)):
            raise SeederError(
                f"{item!r} is not a Seeder class.",
                hint="Pass classes that subclass parvel.database.seeding.Seeder.",
            )
        return item
