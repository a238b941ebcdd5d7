"""Shared helpers for the validation tests: a checker and an in-memory presence verifier."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import pytest

from parvel.validation import Password, Validator

Check = Callable[..., Awaitable[dict[str, list[str]]]]


class MemoryPresenceVerifier:
    """A real PresenceVerifier over in-memory tables: ``{"users": [{"id": 1, ...}]}``."""

    def __init__(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        self.tables = tables
        self.calls: list[tuple[Any, ...]] = []

    def _rows(self, table: str, connection: str | None) -> list[dict[str, Any]]:
        key = f"{connection}.{table}" if connection else table
        return self.tables.get(key, [])

    @staticmethod
    def _match(row: dict[str, Any], extra: Sequence[tuple[str, str, Any]]) -> bool:
        for column, op, value in extra:
            current = row.get(column)
            if op == "null" and current is not None:
                return False
            if op == "not_null" and current is None:
                return False
            if op == "=" and str(current) != str(value):
                return False
            if op == "!=" and str(current) == str(value):
                return False
        return True

    async def get_count(
        self,
        table: str,
        column: str,
        value: Any,
        excluded_id: Any = None,
        id_column: str | None = None,
        extra: Sequence[tuple[str, str, Any]] = (),
        connection: str | None = None,
    ) -> int:
        self.calls.append(("count", table, column, value, excluded_id, id_column, tuple(extra)))
        count = 0
        for row in self._rows(table, connection):
            if str(row.get(column)) != str(value):
                continue
            if excluded_id is not None and str(row.get(id_column or "id")) == str(excluded_id):
                continue
            if self._match(row, extra):
                count += 1
        return count

    async def get_multi_count(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        extra: Sequence[tuple[str, str, Any]] = (),
        connection: str | None = None,
    ) -> int:
        self.calls.append(("multi", table, column, tuple(values), tuple(extra)))
        wanted = {str(v) for v in values}
        found = {
            str(row.get(column))
            for row in self._rows(table, connection)
            if str(row.get(column)) in wanted and self._match(row, extra)
        }
        return len(found)


@pytest.fixture
def check() -> Check:
    """``await check(data, rules, messages=None, attributes=None)`` -> errors dict."""

    async def run(
        data: Any,
        rules: dict[str, Any],
        messages: dict[str, Any] | None = None,
        attributes: dict[str, str] | None = None,
        **options: Any,
    ) -> dict[str, list[str]]:
        validator = Validator.make(data, rules, messages, attributes, **options)
        await validator.passes()
        return validator.errors().messages()

    return run


@pytest.fixture
def memory_verifier() -> MemoryPresenceVerifier:
    return MemoryPresenceVerifier(
        {
            "users": [
                {"id": 1, "email": "taken@example.com", "team_id": 1, "deleted_at": None},
                {"id": 2, "email": "other@example.com", "team_id": 2, "deleted_at": "2024-01-01"},
            ],
            "tags": [{"id": 1, "name": "php"}, {"id": 2, "name": "python"}],
            "archive.users": [{"id": 9, "email": "old@example.com"}],
        }
    )


@pytest.fixture(autouse=True)
def _reset_validator_globals() -> Any:
    lang = Validator._lang
    yield
    Validator._lang = lang
    Validator.set_presence_verifier(None)
    Validator.set_password_checker(None)
    Password.set_breach_checker(None)
