from __future__ import annotations

from typing import Any

import pytest

from parvel.validation import Validator

CASES: list[tuple[str, Any, bool]] = [
    ("email", "ada@example.com", True),
    ("email", "ada.lovelace+tag@sub.example.co.uk", True),
    ("email", "user@localhost", True),
    ("email", "üser@exämple.de", True),
    ("email", "ada@", False),
    ("email", "@example.com", False),
    ("email", "ada@@example.com", False),
    ("email", "ada example@x.com", False),
    ("email", "a..b@x.com", False),
    ("email", 5, False),
    ("email:strict", "user@localhost", False),
    ("email:filter", "üser@example.com", False),
    ("email:rfc,dns", "ada@example.com", True),
    ("url", "https://example.com/path?q=1#top", True),
    ("url", "http://localhost:8000", True),
    ("url", "http://127.0.0.1/x", True),
    ("url", "http://[::1]:80/", True),
    ("url", "ftp://user:pw@files.example.com", True),
    ("url", "example.com", False),
    ("url", "http://", False),
    ("url", "http://exa mple.com", False),
    ("url", "javascript://alert(1)", False),
    ("url", "redis://localhost:6379/0", True),
    ("url", "svn+ssh://example.com/repo", True),
    ("url", "http://example.com:99999999", False),
    ("url:https", "http://example.com", False),
    ("url:https", "https://example.com", True),
    ("active_url", "https://example.com", True),
    ("active_url", "mailto://x", False),
    ("ip", "192.168.1.1", True),
    ("ip", "::1", True),
    ("ip", "999.1.1.1", False),
    ("ipv4", "10.0.0.1", True),
    ("ipv4", "::1", False),
    ("ipv6", "2001:db8::1", True),
    ("ipv6", "10.0.0.1", False),
    ("mac_address", "00:1A:2b:3C:4d:5E", True),
    ("mac_address", "00-1A-2B-3C-4D-5E", True),
    ("mac_address", "001A.2B3C.4D5E", True),
    ("mac_address", "00:1A:2B-3C:4D:5E", False),
    ("uuid", "123e4567-e89b-12d3-a456-426614174000", True),
    ("uuid", "123e4567e89b12d3a456426614174000", False),
    ("uuid:4", "9f1c4f2e-8c3b-4d5e-9f1a-2b3c4d5e6f70", True),
    ("uuid:4", "123e4567-e89b-12d3-a456-426614174000", False),
    ("ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV", True),
    ("ulid", "81ARZ3NDEKTSV4RRFFQ69G5FAV", False),
    ("ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAU1", False),
    ("ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV\n", False),
    ("uuid", "123e4567-e89b-12d3-a456-426614174000\n", False),
    ("mac_address", "00:1A:2B:3C:4D:5E\n", False),
    ("email", "ada@example.com\n", False),
    ("email", "ada@exa\u3000mple.com", False),
    ("email", '"ada lovelace"@example.com', True),
    ("timezone", "Europe/Paris", True),
    ("timezone", "UTC", True),
    ("timezone", "Mars/Olympus", False),
    ("timezone:europe", "Europe/Paris", True),
    ("timezone:africa", "Europe/Paris", False),
]


@pytest.mark.parametrize(("rule", "value", "ok"), CASES)
async def test_format_rules(rule: str, value: Any, ok: bool) -> None:
    validator = Validator.make({"f": value}, {"f": rule})
    assert await validator.passes() is ok, validator.errors().messages()


async def test_timezone_per_country() -> None:
    from parvel.validation import Validator

    rules = {"a": "timezone:per_country,FR", "b": "timezone:per_country,US"}
    v = Validator.make({"a": "Europe/Paris", "b": "Europe/Paris"}, rules)
    await v.passes()
    assert v.errors().keys() == ["b"]
