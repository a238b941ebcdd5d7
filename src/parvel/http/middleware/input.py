"""Input normalization: ``TrimStrings`` and ``ConvertEmptyStringsToNull``."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.contracts import Next


class TrimStrings:
    """Strip whitespace from every string input except passwords (and configured keys)."""

    except_: list[str] = ["current_password", "password", "password_confirmation"]

    def __init__(self, container: Container) -> None:
        config = container.make("http.middleware")
        self._except = set(self.except_) | set(config.options.get("trim_except", []))

    def transform(self, key: str, value: str) -> Any:
        """Trim ``value`` unless ``key`` is excluded."""
        return value if key in self._except else value.strip()

    async def handle(self, request: Any, next: Next) -> Response:
        """Transform the input, then continue."""
        if request.scope["query_string"] or request.has_body():
            await request.load()
            request.transform_input(self.transform)
        return await next(request)


class ConvertEmptyStringsToNull:
    """Turn empty string inputs into ``None``."""

    def __init__(self, container: Container) -> None:
        config = container.make("http.middleware")
        self._except = set(config.options.get("empty_except", []))

    def transform(self, key: str, value: str) -> Any:
        """``""`` → ``None`` unless ``key`` is excluded."""
        return None if value == "" and key not in self._except else value

    async def handle(self, request: Any, next: Next) -> Response:
        """Transform the input, then continue."""
        if request.scope["query_string"] or request.has_body():
            await request.load()
            request.transform_input(self.transform)
        return await next(request)
