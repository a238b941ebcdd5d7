"""The session component's console commands: ``make:session-table`` (alias ``session:table``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parvel.container import Container
from parvel.support.console import Output, command
from parvel.support.stubs import render_stub, write_generated


@command("make:session-table", aliases=["session:table"])
def make_session_table(app: Container, out: Output) -> int:
    """Create a migration for the session database table."""
    application: Any = app  # the running Application (bound as the Container)
    base = application.base_path()
    table = str(application.config.get("session.table", "sessions"))
    folder = application.database_path("migrations")
    if any(folder.glob(f"*_create_{table}_table.py")):
        out.error(f"   ERROR  A migration creating the {table} table already exists.")
        return 1
    stamp = datetime.now().strftime("%Y_%m_%d_%H%M%S")
    content = render_stub("session.table.stub", {"table": table}, base)
    path = write_generated(folder / f"{stamp}_create_{table}_table.py", content)
    out.info(f"   INFO  Migration [{path.relative_to(base)}] created successfully.")
    return 0
