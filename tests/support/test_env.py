from __future__ import annotations

import pytest

from parvel.support import EnvError, env


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("(true)", True),
        ("FALSE", False),
        ("null", None),
        ("(empty)", ""),
        ('"quoted value"', "quoted value"),
        ("0123", "0123"),
    ],
)
def test_literals_cast_like_laravel(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: object
) -> None:
    monkeypatch.setenv("PARVEL_T", raw)
    assert env("PARVEL_T") == expected


def test_default_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARVEL_MISSING", raising=False)
    assert env("PARVEL_MISSING", "fallback") == "fallback"
    assert env("PARVEL_MISSING") is None


def test_numeric_default_casts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARVEL_PORT", "5433")
    assert env("PARVEL_PORT", 5432) == 5433
    monkeypatch.setenv("PARVEL_RATIO", "0.5")
    assert env("PARVEL_RATIO", 1.0) == 0.5
    monkeypatch.setenv("PARVEL_PORT", "abc")
    with pytest.raises(EnvError, match="PARVEL_PORT='abc' must be an integer"):
        env("PARVEL_PORT", 5432)


def test_bool_default_accepts_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARVEL_DEBUG", "1")
    assert env("PARVEL_DEBUG", False) is True
    monkeypatch.setenv("PARVEL_DEBUG", "maybe")
    with pytest.raises(EnvError, match="must be true or false"):
        env("PARVEL_DEBUG", False)
