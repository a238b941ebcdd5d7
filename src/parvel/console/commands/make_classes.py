"""Class generators: ``make:provider``, ``make:exception``, ``make:enum``, ``make:class``...

Also ``make:interface``, ``make:trait`` and ``make:view``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from parvel.foundation.application import Application
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command
from parvel.support.stubs import StubError, render_stub, write_generated


def _split(name: str) -> tuple[list[str], str]:
    """``Admin/Reports/Export`` → (["admin", "reports"], "Export")."""
    parts = [p for p in re.split(r"[/\\.]", name) if p]
    return [Str.snake(p) for p in parts[:-1]], Str.studly(parts[-1])


def _generate(app: Application, out: Output, *, stub: str, folder: str, name: str,
              kind: str, force: bool, values: dict[str, str] | None = None) -> Path | None:  # fmt: skip
    folders, cls = _split(name)
    target = app.app_path("/".join([folder, *folders, f"{Str.snake(cls)}.py"]).strip("/"))
    try:
        content = render_stub(stub, {"class": cls, **(values or {})}, app.base_path())
        write_generated(target, content, force=force)
    except StubError as exc:
        out.error(f"   ERROR  {exc}")
        return None
    out.info(f"   INFO  {kind} [{target.relative_to(app.base_path())}] created successfully.")
    return target


@command("make:provider")
def make_provider(
    name: Annotated[str, Argument(help="The name of the provider (e.g. BillingServiceProvider)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new service provider class (and add it to config/app.py's providers)."""
    target = _generate(app, out, stub="provider.stub", folder="providers", name=name,
                       kind="Provider", force=force)  # fmt: skip
    if target is None:
        return 1
    dotted = ".".join(target.relative_to(app.base_path()).with_suffix("").parts)
    _register_provider(app.config_path("app.py"), f"{dotted}.{_split(name)[1]}", out)
    return 0


def _register_provider(config_file: Path, dotted: str, out: Output) -> None:
    """Add ``dotted`` to the ``"providers"`` list of config/app.py, when it can be found."""
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    if f'"{dotted}"' in text:
        return
    match = re.search(r'"providers"\s*:\s*\[', text)
    if match is None:
        out.warn(f'   WARN  Add "{dotted}" to the "providers" list of config/app.py.')
        return
    closing = text.index("]", match.end())
    inside = text[match.end() : closing].rstrip()
    separator = "" if not inside.strip() or inside.endswith(",") else ","
    updated = text[: match.end()] + inside + f'{separator} "{dotted}"' + text[closing:]
    config_file.write_text(updated, encoding="utf-8")


@command("make:exception")
def make_exception(
    name: Annotated[str, Argument(help="The name of the exception (e.g. InvalidOrderException)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new custom exception class in app/exceptions."""
    target = _generate(app, out, stub="exception.stub", folder="exceptions", name=name,
                       kind="Exception", force=force)  # fmt: skip
    return 0 if target else 1


@command("make:enum")
def make_enum(
    name: Annotated[str, Argument(help="The name of the enum (e.g. Status)")],
    *,
    string: Annotated[bool, Option("-s", help="Generate a string-backed enum (StrEnum)")] = False,
    int_: Annotated[bool, Option("-i", help="Generate an integer-backed enum (IntEnum)")] = False,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new enum in app/enums."""
    base = "StrEnum" if string else "IntEnum" if int_ else ""
    target = _generate(app, out, stub="enum.backed.stub" if base else "enum.stub",
                       folder="enums", name=name, kind="Enum", force=force,
                       values={"base": base})  # fmt: skip
    return 0 if target else 1


@command("make:class")
def make_class(
    name: Annotated[str, Argument(help="The name of the class (e.g. Services/Invoicer)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new class in app/ (folders in the name become packages)."""
    target = _generate(app, out, stub="class.stub", folder="", name=name, kind="Class",
                       force=force)  # fmt: skip
    return 0 if target else 1


@command("make:view")
def make_view(
    name: Annotated[str, Argument(help="The name of the view (e.g. users.index)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new Blade view in resources/views (dots become folders)."""
    relative = Path(*name.removesuffix(".blade.html").split(".")).with_suffix(".blade.html")
    target = app.resources_path("views") / relative
    try:
        write_generated(target, "<div>\n    {{-- Stay curious. --}}\n</div>\n", force=force)
    except StubError as exc:
        out.error(f"   ERROR  {exc}")
        return 1
    out.info(f"   INFO  View [{target.relative_to(app.base_path())}] created successfully.")
    return 0


@command("make:interface")
def make_interface(
    name: Annotated[str, Argument(help="The name of the interface (e.g. Contracts/Billable)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new interface (a typing.Protocol) in app/."""
    target = _generate(app, out, stub="interface.stub", folder="", name=name, kind="Interface",
                       force=force)  # fmt: skip
    return 0 if target else 1


@command("make:trait")
def make_trait(
    name: Annotated[str, Argument(help="The name of the trait (e.g. Concerns/HasSlug)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new trait (a mixin class) in app/."""
    target = _generate(app, out, stub="trait.stub", folder="", name=name, kind="Trait",
                       force=force)  # fmt: skip
    return 0 if target else 1
