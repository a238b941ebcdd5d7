"""Loading config/*.py modules, and the config cache written by ``config:cache``.

Each config module defines a module-level ``config`` dict, reading the environment with
``env()``::

    # config/app.py
    from parvel import env

    config = {"name": env("APP_NAME", "Parvel"), "debug": env("APP_DEBUG", False)}
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import sys
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any

import orjson

from parvel.config.exceptions import ConfigError

_REF = "__parvel_ref__"


def load_config_files(config_path: Path) -> dict[str, Any]:
    """Import every ``config/*.py`` module and return ``{file stem: config dict}``.

    Raises:
        ConfigError: a module fails to import or has no ``config`` dict; the message names
            the file.
    """
    items: dict[str, Any] = {}
    if not config_path.is_dir():
        return items
    for file in sorted(config_path.glob("*.py")):
        if file.name.startswith("_"):
            continue
        module = _import_file(file)
        data = getattr(module, "config", None)
        if not isinstance(data, dict):
            raise ConfigError(
                f"{_rel(file)} defines no `config` dict.",
                hint="Each config module assigns a dict to a module-level name `config`.",
            )
        items[file.stem] = data
    return items


def _import_file(file: Path) -> ModuleType:
    name = f"config.{file.stem}"
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:  # pragma: no cover - only for non-files
        raise ConfigError(f"Cannot load config file {_rel(file)}.")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ConfigError:
        raise
    except Exception as error:
        line = _error_line(error, file)
        where = f"{_rel(file)}:{line}" if line else _rel(file)
        raise ConfigError(f"{where}: {error}") from error
    sys.modules.setdefault(name, module)
    return module


def _error_line(error: BaseException, file: Path) -> int | None:
    if isinstance(error, SyntaxError):
        return error.lineno
    traceback = error.__traceback__
    line = None
    while traceback is not None:
        if Path(traceback.tb_frame.f_code.co_filename) == file:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _rel(file: Path) -> str:
    return f"{file.parent.name}/{file.name}"


def write_cache(cache_file: Path, items: dict[str, Any]) -> None:
    """Write ``items`` to ``cache_file`` as JSON; classes and functions become references.

    Raises:
        ConfigError: a value cannot be cached (a lambda, an open connection...).
    """
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        data = orjson.dumps(items, default=_encode, option=orjson.OPT_INDENT_2)
    except TypeError as error:
        raise ConfigError(
            f"config:cache cannot store a value: {error}.",
            hint="Config values must be data, classes or module-level functions.",
        ) from error
    tmp = cache_file.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(cache_file)


def read_cache(cache_file: Path) -> dict[str, Any] | None:
    """Return the cached config, or ``None`` when there is no cache file."""
    try:
        raw = cache_file.read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ConfigError(
            f"The config cache {cache_file.name} is corrupt.",
            hint="Run `parvel config:clear` (or `parvel config:cache` again).",
        ) from error
    decoded = _decode(data)
    if not isinstance(decoded, dict):
        raise ConfigError(f"The config cache {cache_file.name} is corrupt.")
    return decoded


def _encode(value: Any) -> Any:
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if (inspect.isclass(value) or inspect.isfunction(value)) and "<" not in value.__qualname__:
        return {_REF: f"{value.__module__}:{value.__qualname__}"}
    raise TypeError(f"{value!r} is not serializable")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and _REF in value:
            return resolve_reference(value[_REF])
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


def resolve_reference(reference: str) -> Any:
    """Import ``"package.module:Name"`` (or ``"package.module.Name"``) and return the object."""
    module_name, _, qualname = reference.partition(":")
    if not qualname:
        module_name, _, qualname = reference.rpartition(".")
    try:
        target: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError) as error:
        raise ConfigError(f"Cannot import '{reference}': {error}.") from error
    return target
