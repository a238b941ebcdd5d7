"""``make:controller``, ``make:middleware``, ``make:resource``: files from parvel/http/stubs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from parvel.container import Container
from parvel.support.console import Argument, Option, Output, command
from parvel.support.strings import Str
from parvel.support.stubs import render_stub


def _split(name: str) -> tuple[list[str], str]:
    parts = [p for p in name.replace("\\", "/").replace(".", "/").split("/") if p]
    return [Str.snake(p) for p in parts[:-1]], Str.studly(parts[-1])


def _shown(target: Path) -> str:
    """The path relative to the working directory when possible (as artisan prints it)."""
    try:
        return str(target.relative_to(Path.cwd()))
    except ValueError:
        return str(target)


def _write(target: Path, text: str, force: bool, out: Output, kind: str) -> int:
    if target.exists() and not force:
        out.error(f"   ERROR  {kind} [{_shown(target)}] already exists.")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    for folder in [target.parent, *target.parent.parents]:
        if folder.name in ("app", ""):
            break
        init = folder / "__init__.py"
        if not init.exists():
            init.write_text("", encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    out.info(f"   INFO  {kind} [{_shown(target)}] created successfully.")
    return 0


@command("make:controller")
async def make_controller(
    name: Annotated[
        str, Argument(help="The controller class, e.g. PostController or Admin/UserController")
    ],
    resource: Annotated[bool, Option("-r", help="Generate a resource controller")] = False,
    api: Annotated[
        bool, Option(help="Generate an API resource controller (no create/edit)")
    ] = False,
    invokable: Annotated[bool, Option("-i", help="Generate a single-action controller")] = False,
    model: Annotated[str, Option("-m", help="The model the resource controller works on")] = "",
    singleton: Annotated[
        bool, Option("-s", help="Generate a singleton resource controller")
    ] = False,
    requests: Annotated[
        bool,
        Option("-R", help="Generate form requests for store and update and type-hint them"),
    ] = False,
    force: Annotated[bool, Option("-f", help="Overwrite an existing file")] = False,
    *,
    app: Container,
    out: Output,
) -> int:
    """Create a new controller class."""
    folders, cls = _split(name)
    if model or requests:
        resource = resource or not (api or singleton)
    if singleton:
        stub = "controller.singleton.api" if api else "controller.singleton"
    else:
        stub = (
            "controller.api"
            if api
            else "controller.resource"
            if resource
            else ("controller.invokable" if invokable else "controller.plain")
        )
    model_class = Str.studly(model.split("/")[-1]) if model else ""
    param = Str.snake(model_class) if model_class else "id"
    text = render_stub(
        f"{stub}.stub",
        {"class": cls, "param": param, "param_type": model_class or "int"},
        Path(app.base_path()),  # type: ignore[attr-defined]
    )
    if model_class:
        text = f"from app.models.{Str.snake(model_class)} import {model_class}\n" + text
    if requests and "request: Request" in text:
        subject = model_class or (cls[: -len("Controller")] if cls.endswith("Controller") else cls)
        text = _with_form_requests(text, subject, app, force, out)
        if text == "":
            return 1
    target = Path(app.base_path("app/http/controllers")).joinpath(  # type: ignore[attr-defined]
        *folders, f"{Str.snake(cls)}.py"
    )
    return _write(target, text, force, out, "Controller")


def _with_form_requests(text: str, subject: str, app: Container, force: bool, out: Output) -> str:
    """Write Store<Subject>Request and Update<Subject>Request; type-hint them in ``text``.

    Returns ``""`` when a request file exists already (and ``force`` is off).
    """
    base = Path(app.base_path())  # type: ignore[attr-defined]
    imports: list[str] = []
    for action in ("store", "update"):
        request_class = f"{action.title()}{subject}Request"
        module = Str.snake(request_class)
        target = base / "app" / "http" / "requests" / f"{module}.py"
        source = render_stub("request.stub", {"class": request_class}, base)
        if _write(target, source, force, out, "Request"):
            return ""
        imports.append(f"from app.http.requests.{module} import {request_class}\n")
        text = text.replace(
            f"async def {action}(self, request: Request",
            f"async def {action}(self, request: {request_class}",
        )
    return "".join(imports) + text


@command("make:middleware")
async def make_middleware(
    name: Annotated[str, Argument(help="The middleware class, e.g. EnsureTokenIsValid")],
    force: Annotated[bool, Option("-f", help="Overwrite an existing file")] = False,
    *,
    app: Container,
    out: Output,
) -> int:
    """Create a new middleware class."""
    folders, cls = _split(name)
    text = render_stub("middleware.stub", {"class": cls}, Path(app.base_path()))  # type: ignore[attr-defined]
    target = Path(app.base_path("app/http/middleware")).joinpath(  # type: ignore[attr-defined]
        *folders, f"{Str.snake(cls)}.py"
    )
    return _write(target, text, force, out, "Middleware")


@command("make:resource")
async def make_resource(
    name: Annotated[str, Argument(help="The resource class, e.g. UserResource or UserCollection")],
    collection: Annotated[bool, Option("-c", help="Create a resource collection")] = False,
    force: Annotated[bool, Option("-f", help="Overwrite an existing file")] = False,
    *,
    app: Container,
    out: Output,
) -> int:
    """Create a new API resource (a collection when the name ends with Collection)."""
    folders, cls = _split(name)
    collection = collection or cls.endswith("Collection")
    stub = "resource-collection.stub" if collection else "resource.stub"
    text = render_stub(stub, {"class": cls}, Path(app.base_path()))  # type: ignore[attr-defined]
    target = Path(app.base_path("app/http/resources")).joinpath(  # type: ignore[attr-defined]
        *folders, f"{Str.snake(cls)}.py"
    )
    return _write(target, text, force, out, "Resource collection" if collection else "Resource")
