"""The token stream the compiler passes transform."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """What a token stands for."""

    TEXT = "text"  # template text that later passes may still transform
    LITERAL = "literal"  # protected text (verbatim, @{{ }}, @@): printed as-is
    ECHO = "echo"  # {{ expr }}
    RAW = "raw"  # {!! expr !!}
    DIRECTIVE = "directive"  # @name or @name(args)
    PYTHON = "python"  # @python ... @endpython block
    COMPONENT = "component"  # <x-name ...> or <x-name ... />
    END_COMPONENT = "end_component"  # </x-name>
    SLOT = "slot"  # <x-slot:name ...> / <x-slot name="...">
    END_SLOT = "end_slot"  # </x-slot>


@dataclass(slots=True)
class Attribute:
    """One attribute of a component tag.

    Attributes:
        name: The attribute name as written (``type``, ``:message`` becomes ``message``).
        kind: ``"string"`` (static text, may hold ``{{ }}``), ``"expr"`` (``:name``),
            ``"bool"`` (no value) or ``"bag"`` (``{{ attributes }}`` forwarded into the tag).
        value: The static text or the Python expression.
        pos: Offset of the value in the template source.
    """

    name: str
    kind: str
    value: str
    pos: int


@dataclass(slots=True)
class Token:
    """One piece of a template.

    Attributes:
        kind: The token kind.
        pos: Offset of the token in the template source.
        value: Text, expression, directive name (normalised) or component name.
        args: Directive arguments without the outer parentheses, or ``None``.
        args_pos: Offset of the first character of ``args``.
        raw_name: The directive name as written.
        attrs: Component or slot attributes.
        self_closing: Whether a component tag ends with ``/>``.
    """

    kind: Kind
    pos: int
    value: str
    args: str | None = None
    args_pos: int = 0
    raw_name: str = ""
    attrs: list[Attribute] = field(default_factory=list)
    self_closing: bool = False


def normalise(name: str) -> str:
    """Normalise a directive name: ``includeIf``, ``include_if`` and ``includeif`` match."""
    return name.replace("_", "").lower()
