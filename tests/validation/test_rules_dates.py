from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from parvel.validation import Validator
from parvel.validation._dates import matches_format, parse_date, translate_format

TOMORROW_PLUS = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%d")
YESTERDAY = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%d")

CASES: list[tuple[dict[str, Any], str, bool]] = [
    ({"f": "2024-02-29"}, "date", True),
    ({"f": "2023-02-29"}, "date", False),
    ({"f": "2024-01-05T10:00:00Z"}, "date", True),
    ({"f": "01/31/2024"}, "date", True),
    ({"f": "31 January 2024"}, "date", True),
    ({"f": "tomorrow"}, "date", False),
    ({"f": "not a date"}, "date", False),
    ({"f": 20240101}, "date", False),
    ({"f": date(2024, 1, 1)}, "date", True),
    ({"f": "2024-01-05"}, "date_format:Y-m-d", True),
    ({"f": "2024-1-5"}, "date_format:Y-m-d", False),
    ({"f": "2024-1-5"}, "date_format:Y-n-j", True),
    ({"f": "05/01/2024 13:45"}, "date_format:d/m/Y H:i", True),
    ({"f": "2024-01-05"}, "date_format:d/m/Y,Y-m-d", True),
    ({"f": "2024-01-05 1:45 PM"}, "date_format:Y-m-d g:i A", True),
    ({"f": TOMORROW_PLUS}, "after:tomorrow", True),
    ({"f": YESTERDAY}, "after:today", False),
    ({"f": YESTERDAY}, "before:today", True),
    ({"f": "2024-01-02", "start": "2024-01-01"}, "after:start", True),
    ({"f": "2024-01-01", "start": "2024-01-01"}, "after:start", False),
    ({"f": "2024-01-01", "start": "2024-01-01"}, "after_or_equal:start", True),
    ({"f": "2024-01-01"}, "before_or_equal:2024-01-01", True),
    ({"f": "2024-01-01"}, "date_equals:2024-01-01", True),
    ({"f": "2024-01-02"}, "date_equals:2024-01-01", False),
    ({"f": "2024-01-02"}, "after:missing_field", False),
    ({"f": ["2024-01-02"]}, "after:2020-01-01", False),
    ({"f": "05/01/2024", "s": "04/01/2024"}, "date_format:d/m/Y|after:s", True),
    ({"f": "2024-01-01"}, "after:+1 week", False),
    ({"f": "2000-01-01"}, "before:3 days ago", True),
]


@pytest.mark.parametrize(("data", "rule", "ok"), CASES)
async def test_date_rules(data: dict[str, Any], rule: str, ok: bool) -> None:
    validator = Validator.make(data, {"f": rule})
    assert await validator.passes() is ok, validator.errors().messages()


def test_translate_format() -> None:
    assert translate_format("Y-m-d H:i:s") == "%Y-%m-%d %H:%M:%S"
    assert translate_format(r"\Y-m") == "Y-%m"


def test_parse_date_edges() -> None:
    assert parse_date("2024-01-01T00:00:00+02:00") == datetime(2023, 12, 31, 22, 0)
    assert parse_date("x" * 1000) is None
    assert parse_date(None) is None
    assert matches_format("1700000000", "U") is not None
    assert matches_format(5, "Y") is None


async def test_date_messages(check: Any) -> None:
    errors = await check({"f": "2020-01-01", "start": "2021-01-01"}, {"f": "after:start"})
    assert errors == {"f": ["The f field must be a date after start."]}
    errors = await check({"f": "2020-01-01"}, {"f": "after:tomorrow"})
    assert errors == {"f": ["The f field must be a date after tomorrow."]}
    errors = await check({"f": "2020"}, {"f": "date_format:Y-m-d"})
    assert errors == {"f": ["The f field must match the format Y-m-d."]}
