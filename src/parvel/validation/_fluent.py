"""The input handed to ``sometimes`` and ``Rule.when`` callbacks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class FluentInput(dict[str, Any]):
    """A dict of the input that also reads keys as attributes (``input.games``).

    Laravel hands these callbacks a ``Fluent`` object (``$input->games``); this keeps plain
    ``input["games"]`` working while allowing the attribute form. A missing key reads as
    ``None``, as with ``Fluent``.
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.get(name)


def fluent(data: Any) -> Any:
    """Wrap a mapping as :class:`FluentInput`; return anything else unchanged."""
    if isinstance(data, FluentInput) or not isinstance(data, Mapping):
        return data
    return FluentInput(data)
