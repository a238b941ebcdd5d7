"""``make:request``: a FormRequest class in app/http/requests."""

from __future__ import annotations

from typing import Annotated, Any

from parvel.container import Container
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command
from parvel.support.stubs import render_stub, write_generated


@command("make:request")
def make_request(
    name: Annotated[str, Argument(help="The name of the form request (e.g. StorePostRequest)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Container,
    out: Output,
) -> int:
    """Create a new form request class."""
    application: Any = app  # the running Application (bound as the Container)
    base = application.base_path()
    content = render_stub("request.stub", {"class": Str.studly(name)}, base)
    target = application.app_path(f"http/requests/{Str.snake(name)}.py")
    path = write_generated(target, content, force=force)
    out.info(f"   INFO  Request [{path.relative_to(base)}] created successfully.")
    return 0
