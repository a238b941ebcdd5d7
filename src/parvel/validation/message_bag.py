"""The MessageBag: validation messages keyed by field, like Laravel's ``MessageBag``."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator

import orjson


class MessageBag:
    """An ordered collection of messages per key.

    Keys are field names in dot notation (``"items.0.qty"``); ``get`` and ``has`` accept
    ``*`` wildcards (``"items.*.qty"``). A ``format`` argument wraps each message, with
    ``:message`` and ``:key`` placeholders.

    Example:
        >>> bag = MessageBag({"email": ["The email field is required."]})
        >>> bag.first("email")
        'The email field is required.'
    """

    __slots__ = ("_messages",)

    def __init__(self, messages: dict[str, list[str]] | None = None) -> None:
        self._messages: dict[str, list[str]] = {}
        for key, values in (messages or {}).items():
            for value in values:
                self.add(key, value)

    def add(self, key: str, message: str) -> MessageBag:
        """Add a message for ``key`` (duplicates for the same key are skipped).

        Args:
            key: The field name.
            message: The message text.

        Returns:
            The bag itself, for chaining.
        """
        bucket = self._messages.setdefault(key, [])
        if message not in bucket:
            bucket.append(message)
        return self

    def merge(self, other: MessageBag | dict[str, list[str]]) -> MessageBag:
        """Add every message of ``other``.

        Args:
            other: Another bag or a dict of lists.

        Returns:
            The bag itself, for chaining.
        """
        source = other.messages() if isinstance(other, MessageBag) else other
        for key, values in source.items():
            for value in values:
                self.add(key, value)
        return self

    def _matching(self, key: str) -> list[str]:
        if "*" not in key:
            return [key] if key in self._messages else []
        return [k for k in self._messages if fnmatch.fnmatchcase(k, key)]

    def has(self, key: str | Iterable[str] | None = None) -> bool:
        """Tell whether there are messages for every given key (any key when omitted).

        Args:
            key: A key, a wildcard pattern, or several keys.

        Returns:
            ``True`` when each key has at least one message.
        """
        if key is None:
            return bool(self._messages)
        keys = [key] if isinstance(key, str) else list(key)
        return all(self._matching(k) for k in keys)

    def has_any(self, keys: Iterable[str]) -> bool:
        """Tell whether at least one of ``keys`` has messages.

        Args:
            keys: Keys or wildcard patterns.

        Returns:
            ``True`` when any key has a message.
        """
        return any(self._matching(k) for k in keys)

    def missing(self, key: str) -> bool:
        """Tell whether ``key`` has no messages.

        Args:
            key: A key or wildcard pattern.

        Returns:
            The negation of :meth:`has`.
        """
        return not self.has(key)

    def first(self, key: str | None = None, format: str | None = None) -> str:
        """Return the first message for ``key`` (of the whole bag when omitted), or ``""``.

        Args:
            key: A key or wildcard pattern.
            format: Optional wrapper with ``:message`` / ``:key`` placeholders.

        Returns:
            The message, or an empty string when there is none.
        """
        if key is None:
            for k, values in self._messages.items():
                return self._format(values[0], k, format)
            return ""
        for k in self._matching(key):
            return self._format(self._messages[k][0], k, format)
        return ""

    def get(self, key: str, format: str | None = None) -> list[str]:
        """Return the messages of ``key``; with a wildcard, those of every matching key.

        Args:
            key: A key or wildcard pattern.
            format: Optional wrapper with ``:message`` / ``:key`` placeholders.

        Returns:
            A flat list of messages (empty when none).
        """
        return [self._format(m, k, format) for k in self._matching(key) for m in self._messages[k]]

    def all(self, format: str | None = None) -> list[str]:
        """Return every message of every key, in insertion order.

        Args:
            format: Optional wrapper with ``:message`` / ``:key`` placeholders.

        Returns:
            A flat list of messages.
        """
        return [self._format(m, k, format) for k, values in self._messages.items() for m in values]

    def unique(self, format: str | None = None) -> list[str]:
        """Return every distinct message once.

        Args:
            format: Optional wrapper with ``:message`` / ``:key`` placeholders.

        Returns:
            The distinct messages in insertion order.
        """
        return list(dict.fromkeys(self.all(format)))

    def keys(self) -> list[str]:
        """Return the keys that have messages.

        Returns:
            The keys in insertion order.
        """
        return list(self._messages)

    def messages(self) -> dict[str, list[str]]:
        """Return a copy of the messages keyed by field.

        Returns:
            A dict of lists, safe to modify.
        """
        return {k: list(v) for k, v in self._messages.items()}

    def to_dict(self) -> dict[str, list[str]]:
        """Return the messages as a plain dict (for JSON responses).

        Returns:
            The same value as :meth:`messages`.
        """
        return self.messages()

    #: Laravel's ``toArray()``.
    to_array = to_dict

    def to_json(self) -> str:
        """Return the messages as a JSON object string.

        Returns:
            ``{"field": ["message", ...], ...}`` encoded as JSON.
        """
        return orjson.dumps(self._messages).decode()

    def forget(self, key: str) -> MessageBag:
        """Remove the messages of ``key``.

        Args:
            key: The exact key.

        Returns:
            The bag itself, for chaining.
        """
        self._messages.pop(key, None)
        return self

    def count(self) -> int:
        """Return the total number of messages.

        Returns:
            The number of messages across all keys.
        """
        return sum(len(v) for v in self._messages.values())

    def is_empty(self) -> bool:
        """Tell whether the bag holds no message.

        Returns:
            ``True`` when empty.
        """
        return not self._messages

    def is_not_empty(self) -> bool:
        """Tell whether the bag holds at least one message.

        Returns:
            ``True`` when not empty.
        """
        return bool(self._messages)

    any = is_not_empty

    @staticmethod
    def _format(message: str, key: str, format: str | None) -> str:
        if format is None:
            return message
        return format.replace(":message", message).replace(":key", key)

    def __len__(self) -> int:
        return self.count()

    def __bool__(self) -> bool:
        return bool(self._messages)

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.has(key)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MessageBag):
            return self._messages == other._messages
        if isinstance(other, dict):
            return self._messages == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"MessageBag({self._messages!r})"
