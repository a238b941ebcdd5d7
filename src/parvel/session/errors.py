"""ViewErrorBag: the validation errors a redirect flashed, as every view sees them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.validation.message_bag import MessageBag

ERRORS_KEY = "errors"
"""The session key under which validation errors are flashed (``{bag: {field: [messages]}}``)."""


class ViewErrorBag:
    """Named message bags; methods on it use the ``default`` bag (Laravel's ``$errors``).

    In Blade: ``@if(errors.any())``, ``{{ errors.first("title") }}``,
    ``errors.get_bag("login").has("email")``.
    """

    def __init__(self, bags: Mapping[str, MessageBag] | None = None) -> None:
        self.bags: dict[str, MessageBag] = dict(bags or {})

    @classmethod
    def from_session(cls, data: Any) -> ViewErrorBag:
        """Rebuild the bags flashed in the session (anything malformed is ignored)."""
        from parvel.validation.message_bag import MessageBag

        bags: dict[str, MessageBag] = {}
        if isinstance(data, dict):
            for name, messages in data.items():
                if isinstance(name, str) and isinstance(messages, dict):
                    clean = {
                        str(k): [str(m) for m in v]
                        for k, v in messages.items()
                        if isinstance(v, list)
                    }
                    bags[name] = MessageBag(clean)
        return cls(bags)

    def get_bag(self, name: str = "default") -> MessageBag:
        """The bag called ``name`` (empty when nothing was flashed under it)."""
        from parvel.validation.message_bag import MessageBag

        return self.bags.get(name) or MessageBag()

    def has_bag(self, name: str = "default") -> bool:
        """Whether a bag called ``name`` holds messages."""
        return bool(self.bags.get(name))

    def any(self) -> bool:
        """Whether the default bag holds any message."""
        return bool(self.get_bag())

    def has(self, key: str) -> bool:
        """Whether ``key`` has a message in the default bag."""
        return self.get_bag().has(key)

    def first(self, key: str | None = None) -> str:
        """The first message for ``key`` (or of all) in the default bag, or ``""``."""
        return self.get_bag().first(key)

    def get(self, key: str) -> list[str]:
        """Every message for ``key`` in the default bag."""
        return self.get_bag().get(key)

    def all(self) -> list[str]:
        """Every message of the default bag."""
        return self.get_bag().all()

    def count(self) -> int:
        """How many messages the default bag holds."""
        return self.get_bag().count()

    def __bool__(self) -> bool:
        return self.any()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())
