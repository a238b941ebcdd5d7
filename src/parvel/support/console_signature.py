"""Artisan-style command signatures: ``"mail:send {user} {--Q|queue=default : The queue}"``.

:func:`parse_signature` turns a signature into the command name and its inputs:

- ``{user}`` a required argument, ``{user?}`` optional, ``{user=foo}`` with a default,
  ``{user*}`` a list of one or more, ``{user?*}`` a list of zero or more;
- ``{--force}`` a flag, ``{--queue=}`` an option taking a value, ``{--queue=default}`` with a
  default, ``{--id=*}`` a repeatable option, ``{--Q|queue}`` with the short flag ``-Q``;
- `` : text`` after any of them is its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from parvel.exceptions import ParvelError

_TOKEN = re.compile(r"\{\s*(.*?)\s*\}", re.S)


class SignatureError(ParvelError):
    """A command signature cannot be parsed."""

    code = "command-signature"


@dataclass(frozen=True)
class InputDefinition:
    """One argument or option of a signature."""

    name: str
    is_option: bool
    shortcut: str | None = None
    required: bool = False
    is_list: bool = False
    accepts_value: bool = True
    default: Any = None
    description: str = ""

    @property
    def python_name(self) -> str:
        """The name as a Python identifier (``dry-run`` → ``dry_run``)."""
        return self.name.replace("-", "_")


def parse_signature(signature: str) -> tuple[str, list[InputDefinition]]:
    """The command name and the inputs of ``signature``.

    Raises:
        SignatureError: the signature has no name or a malformed input.
    """
    name = signature.split("{", 1)[0].strip()
    if not name or " " in name:
        raise SignatureError(
            f"Cannot read a command name from the signature {signature!r}.",
            hint='Start with the name: "mail:send {user} {--queue=}".',
        )
    return name, [_parse_token(token) for token in _TOKEN.findall(signature)]


def _parse_token(token: str) -> InputDefinition:
    text, _, description = token.partition(" : ")
    text, description = text.strip(), description.strip()
    if text.startswith("--"):
        return _option(text[2:], description)
    return _argument(text, description)


def _argument(text: str, description: str) -> InputDefinition:
    if "=" in text:
        name, _, default = text.partition("=")
        return InputDefinition(_checked(name), False, default=default, description=description)
    if text.endswith("?*"):
        return InputDefinition(_checked(text[:-2]), False, is_list=True, default=[],
                               description=description)  # fmt: skip
    if text.endswith("*"):
        return InputDefinition(_checked(text[:-1]), False, required=True, is_list=True,
                               description=description)  # fmt: skip
    if text.endswith("?"):
        return InputDefinition(_checked(text[:-1]), False, description=description)
    return InputDefinition(_checked(text), False, required=True, description=description)


def _option(text: str, description: str) -> InputDefinition:
    shortcut = None
    if "|" in text:
        shortcut, _, text = text.partition("|")
        shortcut = shortcut.strip()
    if text.endswith("=*"):
        return InputDefinition(_checked(text[:-2]), True, shortcut, is_list=True, default=[],
                               description=description)  # fmt: skip
    if "=" in text:
        name, _, default = text.partition("=")
        return InputDefinition(_checked(name), True, shortcut, default=default or None,
                               description=description)  # fmt: skip
    return InputDefinition(_checked(text), True, shortcut, accepts_value=False, default=False,
                           description=description)  # fmt: skip


def _checked(name: str) -> str:
    name = name.strip()
    if not re.fullmatch(r"[A-Za-z_][\w-]*", name):
        raise SignatureError(
            f"{name!r} is not a valid argument or option name in a command signature.",
            hint="Use letters, digits, '-' and '_': {user}, {--dry-run}.",
        )
    return name
