"""Running custom rule classes and closures (internal)."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.validation._parser import ParsedRule
    from parvel.validation.validator import Validator


class Failure:
    """What ``fail(message)`` returns: ``.translate()`` marks the message as a language key."""

    __slots__ = ("message", "replace")

    def __init__(self, message: str) -> None:
        self.message = message
        self.replace: dict[str, str] = {}

    def translate(
        self, replace: Mapping[str, Any] | None = None, locale: str | None = None
    ) -> Failure:
        """Use ``message`` as a language key (``"validation.uppercase"``) with replacements.

        Args:
            replace: Extra ``:placeholder`` values.
            locale: Accepted for Laravel parity; Parvel's validator uses its loaded lines.

        Returns:
            The failure itself.
        """
        if not self.message.startswith("validation."):
            self.message = f"validation.{self.message}"
        self.replace = {str(k): str(v) for k, v in (replace or {}).items()}
        return self


def resolve_line(lang: Mapping[str, Any], failure: Failure) -> str:
    """Turn a failure into message text (language keys looked up, replacements applied)."""
    line = failure.message
    if line.startswith("validation."):
        found: Any = lang
        for part in line.split(".")[1:]:
            found = found.get(part) if isinstance(found, Mapping) else None
        if isinstance(found, str):
            line = found
    for key, value in failure.replace.items():
        line = line.replace(f":{key}", value)
    return line


async def run_custom(v: Validator, rule: ParsedRule, attribute: str, value: Any) -> list[Failure]:
    """Run a rule object's ``validate`` (or a closure) and collect its failures."""
    obj = rule.obj
    failures: list[Failure] = []

    def fail(message: str | None = None) -> Failure:
        failure = Failure(message or "The :attribute field is invalid.")
        failures.append(failure)
        return failure

    if rule.name == "custom":
        if hasattr(obj, "set_data"):
            obj.set_data(v.data)
        if hasattr(obj, "set_validator"):
            obj.set_validator(v)
        result = obj.validate(attribute, value, fail)
    else:
        result = obj(attribute, value, fail)
    if inspect.isawaitable(result):
        result = await result
    if result is False and not failures:
        message = getattr(obj, "message", None)
        failures.append(
            Failure(message() if callable(message) else str(message or "validation.invalid"))
        )
    return failures
