"""The validation component's console commands: ``make:rule``."""

from __future__ import annotations

from typing import Annotated, Any

from parvel.container import Container
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command
from parvel.support.stubs import render_stub, write_generated


@command("make:rule")
def make_rule(
    name: Annotated[str, Argument(help="The name of the rule (e.g. Uppercase)")],
    *,
    implicit: Annotated[bool, Option("-i", help="Generate an implicit rule")] = False,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Container,
    out: Output,
) -> int:
    """Create a new validation rule."""
    application: Any = app  # the running Application (bound as the Container)
    stub = "rule.implicit.stub" if implicit else "rule.stub"
    base = application.base_path()
    content = render_stub(stub, {"class": Str.studly(name)}, base)
    path = write_generated(
        application.app_path(f"rules/{Str.snake(name)}.py"), content, force=force
    )
    out.info(f"   INFO  Rule [{path.relative_to(base)}] created successfully.")
    return 0
