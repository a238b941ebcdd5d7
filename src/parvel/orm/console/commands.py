"""``make:model``, ``make:factory``, ``make:policy``, ``model:show`` and ``model:prune``."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from parvel.orm.console.paths import ModelPaths
from parvel.orm.exceptions import ModelError
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command
from parvel.support.stubs import StubError, render_stub, write_generated

if TYPE_CHECKING:
    from parvel.orm.model import Model


def _module_of(path: Path, base: Path) -> str:
    return ".".join(path.relative_to(base).with_suffix("").parts)


def _generate(stub: str, target: Path, values: dict[str, str], paths: ModelPaths, force: bool,
              out: Output, kind: str) -> bool:  # fmt: skip
    try:
        write_generated(target, render_stub(stub, values, paths.base), force=force)
    except StubError as exc:
        out.error(f"   ERROR  {exc}")
        return False
    out.info(f"   INFO  {kind} [{target.relative_to(paths.base)}] created successfully.")
    return True


def _names(name: str, paths: ModelPaths) -> dict[str, str]:
    model = Str.studly(name.rsplit(".", 1)[-1].rsplit("/", 1)[-1])
    module_file = paths.models / f"{Str.snake(model)}.py"
    return {
        "model": model,
        "model_module": _module_of(module_file, paths.base),
        "table": Str.snake(Str.plural_studly(model)),
        "variable": Str.snake(model),
        "plural": Str.plural(Str.snake(model)),
    }


@command("make:model")
async def make_model(
    name: Annotated[str, Argument(help="The name of the model (e.g. Post)")],
    *,
    migration: Annotated[bool, Option("-m", help="Create a migration for the model")] = False,
    controller: Annotated[bool, Option("-c", help="Create a controller for the model")] = False,
    resource: Annotated[
        bool, Option("-r", help="Make the controller a resource controller")
    ] = False,
    api: Annotated[bool, Option(help="Make the controller an API resource controller")] = False,
    requests: Annotated[
        bool, Option("-R", help="Create form requests for the model's resource controller")
    ] = False,
    factory: Annotated[bool, Option("-f", help="Create a factory for the model")] = False,
    seed: Annotated[bool, Option("-s", help="Create a seeder for the model")] = False,
    policy: Annotated[bool, Option(help="Create a policy for the model")] = False,
    pivot: Annotated[
        bool, Option("-p", help="Make the class a custom intermediate table (pivot) class")
    ] = False,
    morph_pivot: Annotated[
        bool, Option(help="Make the class a custom polymorphic intermediate table class")
    ] = False,
    all: Annotated[
        bool,
        Option("-a", help="Migration, seeder, factory, policy, resource controller, requests"),
    ] = False,
    force: Annotated[bool, Option(help="Overwrite files that exist")] = False,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Create a new model class (and its migration, factory, seeder, controller, policy)."""
    if all:
        migration = controller = resource = factory = seed = policy = requests = True
    if api or requests:
        controller = True
    values = _names(name, paths)
    values["class"] = values["model"]
    target = paths.models / f"{values['variable']}.py"
    stub = "model.pivot.stub" if pivot or morph_pivot else "model.stub"
    if not _generate(stub, target, values, paths, force, out, "Model"):
        return 1
    ok: bool = True
    if factory:
        ok &= await make_factory(f"{values['model']}Factory", model=values["model"], force=force,
                                 paths=paths, out=out) == 0  # fmt: skip
    if migration:
        ok &= _migration(values["table"], paths, out)
    if seed:
        ok &= _seeder(f"{values['model']}Seeder", paths, out)
    if controller or resource:
        ok &= await _controller(values, resource, api, requests, paths, force, out)
    if policy:
        policy_values = {**values, "class": f"{values['model']}Policy"}
        ok &= _generate("policy.stub", paths.policies / f"{values['variable']}_policy.py",
                        policy_values, paths, force, out, "Policy")  # fmt: skip
    return 0 if ok else 1


def _migration(table: str, paths: ModelPaths, out: Output) -> bool:
    from parvel.database.exceptions import DatabaseError
    from parvel.database.migrations.creator import create_migration

    try:
        file = create_migration(f"create_{table}_table", paths.migrations, create=table)
    except DatabaseError as exc:
        out.error(f"   ERROR  {exc}")
        return False
    out.info(f"   INFO  Migration [{file.relative_to(paths.base)}] created successfully.")
    return True


def _seeder(name: str, paths: ModelPaths, out: Output) -> bool:
    from parvel.database.exceptions import DatabaseError
    from parvel.database.seeding.creator import create_seeder

    try:
        file = create_seeder(name, paths.seeders)
    except DatabaseError as exc:
        out.error(f"   ERROR  {exc}")
        return False
    out.info(f"   INFO  Seeder [{file.relative_to(paths.base)}] created successfully.")
    return True


class _BasePath:
    """The ``base_path()`` a delegated generator asks of the application."""

    def __init__(self, base: Path) -> None:
        self.base = base

    def base_path(self, path: str = "") -> Path:
        return self.base / path if path else self.base


async def _controller(values: dict[str, str], resource: bool, api: bool, requests: bool,
                      paths: ModelPaths, force: bool, out: Output) -> bool:  # fmt: skip
    name = f"{values['model']}Controller"
    try:  # the HTTP layer's generator when it is installed (looked up at run time: it is a
        # layer above the ORM)
        http_make = importlib.import_module("parvel.http.console.make")
    except ImportError:
        http_make = None
    if http_make is not None:
        with_model = resource or api or requests
        code = await http_make.make_controller(
            name, resource=resource, api=api, requests=requests,
            model=values["model"] if with_model else "", force=force,
            app=_BasePath(paths.base), out=out,
        )  # fmt: skip
        return int(code) == 0
    stub = "controller.resource.stub" if resource else "controller.stub"
    target = paths.controllers / f"{Str.snake(name)}.py"
    return _generate(stub, target, {**values, "class": name}, paths, force, out, "Controller")


@command("make:factory")
async def make_factory(
    name: Annotated[str, Argument(help="The name of the factory (e.g. PostFactory)")],
    *,
    model: Annotated[str | None, Option("-m", help="The model the factory builds")] = None,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Create a new model factory."""
    class_name = Str.studly(name)
    model_name = model or (
        class_name[: -len("Factory")] if class_name.endswith("Factory") else class_name
    )
    values = _names(model_name, paths)
    values["class"] = class_name if class_name.endswith("Factory") else f"{class_name}Factory"
    target = paths.factories / f"{Str.snake(values['class'])}.py"
    return 0 if _generate("factory.stub", target, values, paths, force, out, "Factory") else 1


@command("make:policy")
async def make_policy(
    name: Annotated[str, Argument(help="The name of the policy (e.g. PostPolicy)")],
    *,
    model: Annotated[str | None, Option("-m", help="The model the policy applies to")] = None,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Create a new policy class (with the model's abilities when --model is given)."""
    class_name = Str.studly(name.rsplit("/", 1)[-1])
    target = paths.policies / f"{Str.snake(class_name)}.py"
    if model:
        values = {**_names(model, paths), "class": class_name}
        return 0 if _generate("policy.stub", target, values, paths, force, out, "Policy") else 1
    values = {"class": class_name}
    return 0 if _generate("policy.plain.stub", target, values, paths, force, out, "Policy") else 1


@command("make:observer")
async def make_observer(
    name: Annotated[str, Argument(help="The name of the observer (e.g. UserObserver)")],
    *,
    model: Annotated[str | None, Option("-m", help="The model the observer watches")] = None,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Create a new model observer class."""
    class_name = Str.studly(name.rsplit("/", 1)[-1])
    target = paths.observers / f"{Str.snake(class_name)}.py"
    stub = "observer.stub" if model else "observer.plain.stub"
    values = {**(_names(model, paths) if model else {}), "class": class_name}
    return 0 if _generate(stub, target, values, paths, force, out, "Observer") else 1


@command("make:cast")
async def make_cast(
    name: Annotated[str, Argument(help="The name of the cast (e.g. AsMoney)")],
    *,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Create a new custom attribute cast class."""
    class_name = Str.studly(name.rsplit("/", 1)[-1])
    target = paths.casts / f"{Str.snake(class_name)}.py"
    return 0 if _generate("cast.stub", target, {"class": class_name}, paths, force, out,
                          "Cast") else 1  # fmt: skip


def resolve_model_class(name: str, paths: ModelPaths) -> type[Model]:
    """The model class named ``name`` (``Post``, ``app.models.post.Post``)."""
    from parvel.orm.model import Model

    if str(paths.base) not in sys.path:
        sys.path.insert(0, str(paths.base))
    if "." in name:
        module_name, _, class_name = name.rpartition(".")
    else:
        class_name = Str.studly(name)
        module_name = _module_of(paths.models / f"{Str.snake(class_name)}.py", paths.base)
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        raise ModelError(
            f"Model [{name}] not found.",
            hint=f"Expected class {class_name} in {module_name}; pass the dotted path instead.",
        ) from None
    if not (isinstance(cls, type) and issubclass(cls, Model)):
        raise ModelError(f"{name} is not a model class.")
    return cls


@command("model:show")
async def model_show(
    model: Annotated[str, Argument(help="The model to show (e.g. Post)")],
    *,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Show information about a model: table, attributes and casts, relations, events."""
    try:
        cls = resolve_model_class(model, paths)
    except ModelError as exc:
        out.error(f"   ERROR  {exc}")
        return 1
    info = cls._info()
    out.line(f"{cls.__module__}.{cls.__qualname__}", "bold green")
    out.two_column("Table", info.table)
    out.two_column("Connection", cls.connection or "default")
    out.two_column(
        "Primary key", f"{cls.primary_key} ({'incrementing' if cls.incrementing else cls.key_type})"
    )
    out.table(
        ["Attribute", "Cast", "Fillable", "Hidden"],
        [_attribute_row(cls, f) for f in info.fields],
        title="Attributes",
    )
    rows: list[tuple[str, str, str]] = []
    for rel_name, relation in info.relations.items():
        try:
            related = relation.related.__name__
        except ModelError:
            related = "(polymorphic)"
        rows.append((rel_name, type(relation).__name__, related))
    out.table(["Relation", "Type", "Related"], rows, title="Relations")
    from parvel.orm.events import EVENTS, _listeners

    events = [(e, str(len(_listeners(cls, e)))) for e in EVENTS if _listeners(cls, e)]
    out.table(["Event", "Listeners"], events, title="Events")
    return 0


def _attribute_row(cls: type[Model], name: str) -> tuple[str, str, str, str]:
    info = cls._info()
    fillable = "yes" if cls().is_fillable(name) else ""
    return (name, info.cast_names.get(name, ""), fillable, "yes" if name in info.hidden else "")


def _discover_models(paths: ModelPaths) -> list[type[Model]]:
    found: list[type[Model]] = []
    if not paths.models.is_dir():
        return found
    from parvel.orm.model import Model

    if str(paths.base) not in sys.path:
        sys.path.insert(0, str(paths.base))
    for file in sorted(paths.models.glob("*.py")):
        if file.name.startswith("_"):
            continue
        module = importlib.import_module(_module_of(file, paths.base))
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Model)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


@command("model:prune")
async def model_prune(
    *,
    model: Annotated[
        list[str] | None, Option("--model", help="Only prune this model (repeatable)")
    ] = None,
    pretend: Annotated[bool, Option(help="Only count the models that would be pruned")] = False,
    chunk: Annotated[int, Option(help="Models deleted per chunk")] = 1000,
    paths: ModelPaths,
    out: Output,
) -> int:
    """Delete the models whose ``prunable()`` query matches (Laravel's Prunable)."""
    try:
        classes = (
            [resolve_model_class(m, paths) for m in model] if model else _discover_models(paths)
        )
    except ModelError as exc:
        out.error(f"   ERROR  {exc}")
        return 1
    prunable = [c for c in classes if callable(getattr(c, "prunable", None))]
    if not prunable:
        out.info("   INFO  No prunable models found.")
        return 0
    for cls in prunable:
        total = await prune_model(cls, chunk=chunk, pretend=pretend)
        verb = "would be pruned" if pretend else "pruned"
        out.info(f"   INFO  {total} [{cls.__name__}] records {verb}.")
    return 0


async def prune_model(cls: type[Model], *, chunk: int = 1000, pretend: bool = False) -> int:
    """Delete (``force_delete`` on soft-deleting models) what ``cls.prunable()`` matches."""
    import inspect

    method = cls.prunable  # type: ignore[attr-defined]
    # a classmethod, or Laravel's instance method ``def prunable(self)``
    query: Any = method() if inspect.ismethod(method) else cls().prunable()  # type: ignore[attr-defined]
    if getattr(cls, "soft_deletes", False):
        query.without_global_scope("soft_deletes")
    if pretend:
        return int(await query.count())
    if getattr(cls, "mass_prunable", False):  # MassPrunable: one DELETE, no events
        return int(await query.force_delete())
    total = 0
    while True:
        models = await query.clone().limit(chunk).get()
        if not models:
            return total
        for item in models:
            pruning = getattr(item, "pruning", None)
            if pruning is not None:
                result = pruning()
                if hasattr(result, "__await__"):
                    await result
            if getattr(cls, "soft_deletes", False):
                await item.force_delete()
            else:
                await item.delete()
            total += 1
        if len(models) < chunk:
            return total
