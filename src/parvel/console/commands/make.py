"""``make:command`` and ``stub:publish``."""

from __future__ import annotations

from typing import Annotated

from parvel.foundation.application import Application
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command
from parvel.support.stubs import available_stubs, render_stub, write_generated


@command("make:command")
def make_command(
    name: Annotated[str, Argument(help="The name of the command (e.g. SendEmails)")],
    *,
    command_name: Annotated[
        str | None, Option("--command", help="The terminal command name")
    ] = None,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new console command."""
    snake = Str.snake(name)
    signature = command_name or f"app:{Str.kebab(name)}"
    content = render_stub(
        "command.stub",
        {
            "name": Str.studly(name),
            "signature": signature,
            "function": snake,
            "description": "Command description",
        },
        app.base_path(),
    )
    path = write_generated(app.app_path(f"console/commands/{snake}.py"), content, force=force)
    out.info(
        f"   INFO  Console command [{path.relative_to(app.base_path())}] created successfully."
    )
    return 0


@command("stub:publish")
def stub_publish(
    *,
    existing: Annotated[bool, Option(help="Publish only stubs that already exist")] = False,
    force: Annotated[bool, Option(help="Overwrite stubs that already exist")] = False,
    app: Application,
    out: Output,
) -> int:
    """Publish all stubs that are available for customization."""
    folder = app.base_path("stubs")
    folder.mkdir(exist_ok=True)
    for name, text in sorted(available_stubs().items()):
        target = folder / name
        if existing and not target.exists():
            continue
        if not existing and target.exists() and not force:
            continue
        target.write_text(text, encoding="utf-8")
    out.info("   INFO  Stubs published successfully.")
    return 0
