"""The ``pivot`` object attached to models loaded through a many-to-many relation."""

from __future__ import annotations

from typing import Any

from parvel.orm._base import serialize_value


class Pivot:
    """The pivot row's columns: ``tag.pivot.role``, ``tag.pivot.created_at``."""

    def __init__(self, table: str, attributes: dict[str, Any]) -> None:
        self.__dict__["table"] = table
        self.__dict__["attributes"] = attributes

    def __getattr__(self, key: str) -> Any:
        attributes = self.__dict__["attributes"]
        if key in attributes:
            return attributes[key]
        raise AttributeError(
            f"The pivot row of {self.__dict__['table']} has no column {key!r}; "
            f"add it with with_pivot({key!r})."
        )

    def to_dict(self) -> dict[str, Any]:
        """The pivot columns as JSON-ready data."""
        return {k: serialize_value(v) for k, v in self.__dict__["attributes"].items()}

    def __repr__(self) -> str:
        return f"<Pivot {self.__dict__['table']} {self.__dict__['attributes']!r}>"
