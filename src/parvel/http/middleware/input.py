"""Input normalization: ``TrimStrings`` and ``ConvertEmptyStringsToNull``.

Both register a transform the request applies when it parses its input, so requests
without input pay nothing.
"""

from __future__ import annotations

from typing import Any

from parvel.container import Container
from parvel.http.middleware.hooks import HookMiddleware

_BODY_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))


class TrimStrings(HookMiddleware):
    """Strip whitespace from every string input except passwords (and configured keys)."""

    except_: list[str] = ["current_password", "password", "password_confirmation"]

    def __init__(self, container: Container) -> None:
        config = container.make("http.middleware")
        self._except = set(self.except_) | set(config.options.get("trim_except", []))

    def transform(self, key: str, value: str) -> Any:
        """Trim ``value`` unless ``key`` is excluded."""
        return value if key in self._except else value.strip()

    def before(self, request: Any) -> None:
        """Register the transform (only requests that can carry input)."""
        scope = request.scope
        if scope["query_string"] or scope["method"] in _BODY_METHODS:
            request.add_input_transform(self.transform)


class ConvertEmptyStringsToNull(HookMiddleware):
    """Turn empty string inputs into ``None``."""

    def __init__(self, container: Container) -> None:
        config = container.make("http.middleware")
        self._except = set(config.options.get("empty_except", []))

    def transform(self, key: str, value: str) -> Any:
        """``""`` → ``None`` unless ``key`` is excluded."""
        return None if value == "" and key not in self._except else value

    def before(self, request: Any) -> None:
        """Register the transform (only requests that can carry input)."""
        scope = request.scope
        if scope["query_string"] or scope["method"] in _BODY_METHODS:
            request.add_input_transform(self.transform)
