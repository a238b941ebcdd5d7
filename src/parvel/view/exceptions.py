"""Errors raised by the Blade engine.

::

    ParvelError
    └── TemplateError              anything that goes wrong with a template
        ├── TemplateSyntaxError    the template cannot be compiled (path, line, column, hint)
        └── TemplateNotFound       no file matches a view name (names the searched paths)
"""

from __future__ import annotations

from collections.abc import Sequence

from parvel.exceptions import ParvelError


class TemplateError(ParvelError):
    """Base class of every Blade error."""

    code = "template-error"


class TemplateSyntaxError(TemplateError):
    """A template cannot be compiled.

    Attributes:
        path: The template's file path (or ``<string>`` for inline templates).
        line: 1-based line of the problem in the template.
        column: 1-based column of the problem in the template.
        reason: The short description, without the location.
    """

    code = "template-syntax"

    def __init__(
        self,
        reason: str,
        *,
        path: str = "<string>",
        line: int = 1,
        column: int = 1,
        hint: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        self.column = column
        super().__init__(f"{reason} in {path}, line {line}, column {column}.", hint=hint)


class TemplateNotFound(TemplateError):
    """No template file matches a view name.

    Attributes:
        name: The view name that was asked for.
        searched: Every file path that was tried.
    """

    code = "template-not-found"

    def __init__(self, name: str, searched: Sequence[str]) -> None:
        self.name = name
        self.searched = list(searched)
        where = ", ".join(self.searched) if self.searched else "no view paths are configured"
        super().__init__(
            f"View [{name}] not found. Searched: {where}.",
            hint="Check the view name (dots separate folders) and the Blade paths.",
        )
