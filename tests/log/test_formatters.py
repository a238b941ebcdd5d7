from __future__ import annotations

import contextvars
import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import orjson

from parvel.log import JsonFormatter, TextFormatter, request_id


def _record(
    message: str = "hello", level: int = logging.INFO, **attrs: object
) -> logging.LogRecord:
    record = logging.LogRecord("x", level, "", 0, message, None, None)
    record.created = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC).timestamp()
    for key, value in attrs.items():
        setattr(record, key, value)
    return record


def test_text_line_like_laravel() -> None:
    line = TextFormatter("local").format(_record(parvel_context={"context": 1}, parvel_extra={}))
    assert line == '[2026-11-23 10:00:00] local.INFO: hello {"context":1}'


def test_text_without_context() -> None:
    line = TextFormatter("production").format(_record(parvel_context={}, parvel_extra={}))
    assert line == "[2026-11-23 10:00:00] production.INFO: hello"


def test_text_with_extra() -> None:
    line = TextFormatter("local").format(
        _record(parvel_context={}, parvel_extra={"request_id": "r1"})
    )
    assert line.endswith('hello {"request_id":"r1"}')


def test_foreign_record_picks_request_id_from_context() -> None:
    def scenario() -> str:
        request_id.set("from-var")
        return TextFormatter("local").format(_record())

    assert contextvars.Context().run(scenario).endswith('{"request_id":"from-var"}')


def test_timezone() -> None:
    formatter = TextFormatter("local", ZoneInfo("Europe/Paris"))
    assert formatter.format(_record()).startswith("[2026-11-23 11:00:00]")


def test_unserializable_values_do_not_break_lines() -> None:
    class Thing:
        def __str__(self) -> str:
            return "thing!"

    context = {"obj": Thing(), "set": {1}, "bytes": b"\xff", "big": 2**80, 3: "int key"}
    line = TextFormatter("local").format(_record(parvel_context=context, parvel_extra={}))
    assert '"obj":"thing!"' in line
    assert '"big":' in line
    document = orjson.loads(JsonFormatter("local").format(_record(parvel_context=context)))
    assert document["context"]["obj"] == "thing!"


def test_exception_in_text() -> None:
    try:
        raise ValueError("bad value")
    except ValueError as error:
        record = _record(parvel_context={"exception": error}, parvel_extra={})
    text = TextFormatter("local").format(record)
    first, *rest = text.splitlines()
    assert '{"exception":"ValueError: bad value at ' in first
    assert rest[0] == "Traceback (most recent call last):"
    assert rest[-1] == "ValueError: bad value"


def test_json_document() -> None:
    line = JsonFormatter("local").format(
        _record(level=25, parvel_context={"id": 1}, parvel_extra={"request_id": "r"})
    )
    assert "\n" not in line
    assert orjson.loads(line) == {
        "message": "hello",
        "context": {"id": 1},
        "level": 25,
        "level_name": "NOTICE",
        "channel": "local",
        "datetime": "2026-11-23T10:00:00+00:00",
        "extra": {"request_id": "r"},
    }


def test_json_exception_is_structured() -> None:
    try:
        raise KeyError("k")
    except KeyError as error:
        record = _record(parvel_context={"exception": error}, parvel_extra={})
    exception = orjson.loads(JsonFormatter().format(record))["context"]["exception"]
    assert exception["class"] == "builtins.KeyError"
    assert exception["line"] > 0
    assert "Traceback" in exception["trace"]
