"""Turning a command function's signature into click arguments and options."""

from __future__ import annotations

import enum
import inspect
import types
import typing
from pathlib import Path
from typing import Any

import click

from parvel.support.console import Argument, Option
from parvel.support.console_signature import InputDefinition

_SIMPLE = (str, int, float, bool, Path)


def _split_annotated(annotation: Any) -> tuple[Any, Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extras = typing.get_args(annotation)
        meta = next((e for e in extras if isinstance(e, Argument | Option)), None)
        return base, meta
    return annotation, None


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _click_type(annotation: Any) -> tuple[Any, bool]:
    """Return (click type, multiple) for a simple annotation, or (None, False) if injectable."""
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set) or annotation in (list, tuple):
        args = typing.get_args(annotation)
        inner = args[0] if args else str
        inner_type, _ = _click_type(inner)
        return inner_type or click.STRING, True
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return click.Choice([str(m.value) for m in annotation]), False
    if origin is typing.Literal:
        return click.Choice([str(v) for v in typing.get_args(annotation)]), False
    if annotation is Path:
        return click.Path(path_type=Path), False
    if annotation in _SIMPLE:
        return {str: click.STRING, int: click.INT, float: click.FLOAT, bool: click.BOOL}[
            annotation
        ], False
    if annotation is inspect.Parameter.empty or annotation is Any:
        return click.STRING, False
    return None, False


def cli_parameters(handler: Any) -> tuple[list[click.Parameter], set[str]]:
    """Click parameters for ``handler``'s CLI-facing parameters, and the names they bind.

    Parameters typed with a service class are left out: the container injects them.
    """
    signature = inspect.signature(handler)
    hints = typing.get_type_hints(handler, include_extras=True)
    params: list[click.Parameter] = []
    names: set[str] = set()
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        annotation, meta = _split_annotated(hints.get(parameter.name, parameter.annotation))
        annotation, optional = _strip_optional(annotation)
        click_type, multiple = _click_type(annotation)
        if click_type is None:
            continue  # a service: injected by the container
        names.add(parameter.name)
        has_default = parameter.default is not inspect.Parameter.empty
        is_option = (
            isinstance(meta, Option)
            or (has_default and not isinstance(meta, Argument))
            or parameter.kind is parameter.KEYWORD_ONLY
        )
        if not is_option:
            # click 8.2+ counts an explicit ``default=None`` as a value: a required argument
            # must get no default at all, or a missing one reaches the handler as None
            given: dict[str, Any] = {"default": parameter.default} if has_default else {}
            params.append(
                click.Argument(
                    [parameter.name],
                    type=click_type,
                    required=not has_default and not optional,
                    nargs=-1 if multiple else 1,
                    **given,
                    metavar=(meta.metavar if isinstance(meta, Argument) else None)
                    or parameter.name.upper(),
                )
            )
            continue
        long_flag = "--" + parameter.name.rstrip("_").replace("_", "-")  # json_ → --json
        extra_flags = meta.flags if isinstance(meta, Option) else ()
        flags = [long_flag, *(f for f in extra_flags if f != long_flag)]
        help_text = meta.help if meta is not None else ""
        default = parameter.default if has_default else None
        if annotation is bool:
            params.append(
                click.Option(
                    [*flags, parameter.name], is_flag=True, default=bool(default), help=help_text
                )
            )
        else:
            value: dict[str, Any] = (
                {"default": default if not multiple else (default or ())}
                if has_default or multiple or optional
                else {}
            )
            params.append(
                click.Option(
                    [*flags, parameter.name],
                    type=click_type,
                    multiple=multiple,
                    **value,
                    required=not has_default and not optional,
                    show_default=default not in (None, (), []),
                    help=help_text,
                    metavar=meta.metavar if isinstance(meta, Option) else None,
                )
            )
    return params, names


def convert_values(handler: Any, values: dict[str, Any]) -> dict[str, Any]:
    """Convert click's values back to the handler's types (enums, lists)."""
    hints = typing.get_type_hints(handler, include_extras=True)
    converted = {}
    for name, value in values.items():
        annotation, _ = _split_annotated(hints.get(name, Any))
        annotation, _ = _strip_optional(annotation)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum) and value is not None:
            value = annotation(type(next(iter(annotation)).value)(value))
        elif typing.get_origin(annotation) in (list, set) and isinstance(value, tuple):
            value = typing.get_origin(annotation)(value)
        converted[name] = value
    return converted


def signature_parameters(definitions: list[InputDefinition]) -> list[click.Parameter]:
    """Click parameters for the inputs of an artisan-style signature."""
    params: list[click.Parameter] = []
    for item in definitions:
        if not item.is_option:
            optional: dict[str, Any] = (
                {} if item.required or item.is_list else {"default": item.default}
            )
            params.append(
                click.Argument(
                    [item.python_name],
                    required=item.required,
                    nargs=-1 if item.is_list else 1,
                    metavar=item.name.upper() + ("..." if item.is_list else ""),
                    **optional,
                )
            )
            continue
        flags = ["--" + item.name, *([f"-{item.shortcut}"] if item.shortcut else [])]
        if not item.accepts_value:
            params.append(
                click.Option([*flags, item.python_name], is_flag=True, help=item.description)
            )
        else:
            params.append(
                click.Option(
                    [*flags, item.python_name],
                    multiple=item.is_list,
                    default=() if item.is_list else item.default,
                    show_default=item.default not in (None, [], ()),
                    help=item.description,
                )
            )
    return params


def signature_values(
    definitions: list[InputDefinition], values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split click's values into (arguments, options) by input name; lists stay lists."""
    arguments: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for item in definitions:
        value = values.get(item.python_name)
        if item.is_list:
            value = list(value or ())
        (options if item.is_option else arguments)[item.python_name] = value
    return arguments, options


def argument_help(handler: Any) -> list[tuple[str, str]]:
    """(name, help) of ``handler``'s arguments declared with ``Argument(help=...)``."""
    hints = typing.get_type_hints(handler, include_extras=True)
    found = []
    for name, hint in hints.items():
        _, meta = _split_annotated(hint)
        if isinstance(meta, Argument):
            found.append((name, meta.help))
    return found
