from __future__ import annotations

import io
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson
import pytest

from parvel.log import (
    DriverContext,
    LogConfigError,
    Logger,
    LogManager,
    LogWriteError,
    log_context,
    request_id,
)

Lines = Callable[[Path], list[str]]
Make = Callable[..., LogManager]

CONFIG: dict[str, Any] = {
    "default": "stack",
    "channels": {
        "stack": {"driver": "stack", "channels": ["single"], "ignore_exceptions": False},
        "single": {"driver": "single", "path": "storage/logs/parvel.log", "level": "debug"},
        "daily": {"driver": "daily", "path": "storage/logs/parvel.log", "days": 2},
        "errors": {"driver": "single", "path": "storage/logs/errors.log", "level": "error"},
        "json": {"driver": "json", "path": "storage/logs/parvel.jsonl"},
        "stderr": {"driver": "stderr", "level": "info"},
        "stderr_json": {"driver": "stderr", "formatter": "json"},
        "null": {"driver": "null"},
    },
}


def test_default_stack_writes_single_file(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    log.info("User logged in", {"id": 1})
    assert lines(tmp_path / "storage/logs/parvel.log") == [
        '[2026-11-23 10:00:00] local.INFO: User logged in {"id":1}'
    ]


def test_no_config_uses_laravel_default(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(None)
    log.debug("hello")
    assert "local.DEBUG: hello" in (tmp_path / "storage/logs/parvel.log").read_text()


def test_every_level_method(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    for name in ("emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"):
        getattr(log, name)(f"{name} message")
        getattr(log.channel("single"), name)(f"{name} again")
    log.log("notice", "via log()")
    written = lines(tmp_path / "storage/logs/parvel.log")
    assert written[0].endswith("local.EMERGENCY: emergency message")
    assert written[2].endswith("local.ALERT: alert message")
    assert written[10].endswith("local.NOTICE: notice message")
    assert written[-1].endswith("local.NOTICE: via log()")
    assert len(written) == 17


def test_channel_level_filters(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    errors = log.channel("errors")
    errors.warning("skipped")
    errors.error("kept")
    errors.emergency("kept too")
    assert [line.split(": ", 1)[1] for line in lines(tmp_path / "storage/logs/errors.log")] == [
        "kept",
        "kept too",
    ]


def test_channels_are_cached(make_manager: Make) -> None:
    log = make_manager(CONFIG)
    assert log.channel("single") is log.channel("single")
    assert log.driver("single") is log.channel("single")
    assert log.channel() is log.channel("stack")


def test_stack_writes_to_every_member(
    make_manager: Make, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    log = make_manager(CONFIG)
    stack = log.stack(["single", "errors", "stderr"])
    stack.info("info line")
    stack.error("error line")
    assert len(lines(tmp_path / "storage/logs/parvel.log")) == 2
    assert len(lines(tmp_path / "storage/logs/errors.log")) == 1
    assert capsys.readouterr().err.count("local.") == 2


def test_stack_shares_handlers_with_members(make_manager: Make) -> None:
    log = make_manager(CONFIG)
    stack = log.stack(["single", "single", "errors"])
    assert stack.handlers == [*log.channel("single").handlers, *log.channel("errors").handlers]


def test_stack_channels_as_comma_string(make_manager: Make, tmp_path: Path) -> None:
    config = {**CONFIG, "channels": {**CONFIG["channels"]}}
    config["channels"]["stack"] = {"driver": "stack", "channels": "single, errors"}
    log = make_manager(config)
    log.error("both")
    assert (tmp_path / "storage/logs/errors.log").read_text().count("both") == 1
    assert (tmp_path / "storage/logs/parvel.log").read_text().count("both") == 1


def test_daily_channel_names_and_prunes(
    make_manager: Make, tmp_path: Path, clock: Any, lines: Lines
) -> None:
    log = make_manager(CONFIG)
    daily = log.channel("daily")
    for _ in range(4):
        daily.info("tick")
        clock.advance(days=1)
    daily.info("tick")
    names = sorted(p.name for p in (tmp_path / "storage/logs").iterdir())
    assert names == ["parvel-2026-11-26.log", "parvel-2026-11-27.log"]
    assert lines(tmp_path / "storage/logs/parvel-2026-11-27.log") == [
        "[2026-11-27 10:00:00] local.INFO: tick"
    ]


def test_json_lines_parse_back(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    channel = log.channel("json")
    channel.info("first {n}", {"n": 1})
    channel.warning("second", {"tags": ["a", "b"]})
    documents = [orjson.loads(line) for line in lines(tmp_path / "storage/logs/parvel.jsonl")]
    assert [d["message"] for d in documents] == ["first 1", "second"]
    assert documents[1]["context"] == {"tags": ["a", "b"]}
    assert documents[1]["level_name"] == "WARNING"
    assert documents[0]["datetime"] == "2026-11-23T10:00:00+00:00"


def test_stderr_text_and_json(make_manager: Make, capsys: pytest.CaptureFixture[str]) -> None:
    log = make_manager(CONFIG)
    log.channel("stderr").debug("hidden")
    log.channel("stderr").info("shown")
    log.channel("stderr_json").info("as json")
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "[2026-11-23 10:00:00] local.INFO: shown"
    assert orjson.loads(err[1])["message"] == "as json"


def test_json_driver_without_path_writes_stderr(
    make_manager: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    log = make_manager({"channels": {"j": {"driver": "json"}}})
    log.channel("j").info("hello")
    assert orjson.loads(capsys.readouterr().err)["message"] == "hello"


def test_null_channel_discards(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(CONFIG)
    log.channel("null").emergency("nothing")
    assert not (tmp_path / "storage").exists()


def test_request_id_in_every_line(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    token = request_id.set("req-42")
    try:
        log.info("inside")
        log.channel("json").info("inside")
    finally:
        request_id.reset(token)
    log.info("outside")
    text = lines(tmp_path / "storage/logs/parvel.log")
    assert text[0].endswith('local.INFO: inside {"request_id":"req-42"}')
    assert text[1].endswith("local.INFO: outside")
    document = orjson.loads((tmp_path / "storage/logs/parvel.jsonl").read_text())
    assert document["extra"] == {"request_id": "req-42"}


def test_log_context_in_lines(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    with log_context(job="Invoice"):
        log.info("job")
    assert lines(tmp_path / "storage/logs/parvel.log")[0].endswith('job {"job":"Invoice"}')


def test_with_context_and_share_context(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    log.with_context({"user": 7})
    log.info("one")
    log.channel("errors").error("two")
    log.share_context({"host": "web-1"})
    log.info("three", {"extra": True})
    log.channel("errors").error("four")
    log.without_context(["user"])
    log.info("five")
    log.flush_shared_context()
    log.info("six")
    main = lines(tmp_path / "storage/logs/parvel.log")
    assert main[0].endswith('one {"user":7}')
    assert main[1].endswith('three {"host":"web-1","user":7,"extra":true}')
    assert main[2].endswith('five {"host":"web-1"}')
    assert main[3].endswith("six")
    errors = lines(tmp_path / "storage/logs/errors.log")
    assert errors[0].endswith("two")
    assert errors[1].endswith('four {"host":"web-1"}')
    assert log.shared_context == {}


def test_message_context_overrides_channel_context(
    make_manager: Make, tmp_path: Path, lines: Lines
) -> None:
    log = make_manager(CONFIG)
    log.share_context({"a": "shared"})
    log.channel("single").with_context({"a": "channel"})
    log.channel("single").info("x", {"a": "call"})
    assert lines(tmp_path / "storage/logs/parvel.log")[0].endswith('x {"a":"call"}')


def test_placeholders(make_manager: Make, tmp_path: Path, lines: Lines) -> None:
    log = make_manager(CONFIG)
    log.info(
        "User {id} ({name}) {missing} {flag} {none}",
        {"id": 5, "name": "Ann", "flag": True, "none": None},
    )
    assert "User 5 (Ann) {missing} true null" in lines(tmp_path / "storage/logs/parvel.log")[0]


def test_placeholders_can_be_disabled(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(
        {
            "channels": {
                "raw": {"driver": "single", "path": "raw.log", "replace_placeholders": False}
            }
        }
    )
    log.channel("raw").info("{id}", {"id": 5})
    assert "INFO: {id} " in (tmp_path / "raw.log").read_text()


def test_build_on_demand(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(CONFIG)
    channel = log.build({"driver": "single", "path": "storage/logs/custom.log"})
    channel.info("on demand")
    channel.close()
    assert "on demand" in (tmp_path / "storage/logs/custom.log").read_text()


def test_absolute_path(make_manager: Make, tmp_path: Path) -> None:
    target = tmp_path / "abs" / "x.log"
    log = make_manager({"channels": {"a": {"driver": "single", "path": str(target)}}})
    log.channel("a").info("abs")
    assert target.exists()


def test_exception_context(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(CONFIG)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        log.error("Failed", {"exception": error})
    text = (tmp_path / "storage/logs/parvel.log").read_text()
    assert '{"exception":"RuntimeError: boom at ' in text
    assert "Traceback (most recent call last):" in text


def test_message_objects_are_stringified(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(CONFIG)
    log.info(42)
    log.info("100%s done")
    text = (tmp_path / "storage/logs/parvel.log").read_text()
    assert "INFO: 42" in text
    assert "INFO: 100%s done" in text


def test_tap_customises_channel(make_manager: Make, tmp_path: Path) -> None:
    seen: list[Logger] = []
    config = {"channels": {"s": {"driver": "single", "path": "t.log", "tap": [seen.append]}}}
    log = make_manager(config)
    assert seen == [log.channel("s")]


def test_extend_with_custom_driver(make_manager: Make) -> None:
    buffer = io.StringIO()

    def memory(config: Mapping[str, Any], context: DriverContext) -> logging.Handler:
        assert context.channel == "mem"
        return logging.StreamHandler(buffer)

    log = make_manager(
        {"default": "mem", "channels": {"mem": {"driver": "memory", "level": "info"}}}
    )
    log.extend("memory", memory)
    log.debug("hidden")
    log.info("visible")
    assert buffer.getvalue() == "[2026-11-23 10:00:00] local.INFO: visible\n"


def test_custom_via(make_manager: Make) -> None:
    buffer = io.StringIO()
    config = {
        "channels": {
            "c": {
                "driver": "custom",
                "via": lambda cfg: [logging.StreamHandler(buffer)],
                "formatter": "json",
            }
        }
    }
    make_manager(config).channel("c").info("hi")
    assert orjson.loads(buffer.getvalue())["message"] == "hi"


def test_handler_driver(make_manager: Make, tmp_path: Path) -> None:
    config = {
        "channels": {
            "h": {
                "driver": "handler",
                "handler": logging.FileHandler,
                "with": {"filename": str(tmp_path / "h.log")},
            }
        }
    }
    make_manager(config).channel("h").warning("via handler")
    assert "local.WARNING: via handler" in (tmp_path / "h.log").read_text()


def test_forget_channel_rebuilds(make_manager: Make) -> None:
    log = make_manager(CONFIG)
    first = log.channel("single")
    log.forget_channel("single")
    assert log.channel("single") is not first


def test_default_driver(make_manager: Make) -> None:
    log = make_manager(CONFIG)
    assert log.default_driver == "stack"
    log.set_default_driver("errors")
    assert log.channel() is log.channel("errors")


def test_timezone(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(CONFIG, timezone="Europe/Paris")
    log.info("paris")
    assert (tmp_path / "storage/logs/parvel.log").read_text().startswith("[2026-11-23 11:00:00]")


def test_ignore_exceptions_in_stack(make_manager: Make, tmp_path: Path) -> None:
    channels = {
        "broken": {"driver": "single", "path": "broken.log"},
        "good": {"driver": "single", "path": "good.log"},
        "safe": {"driver": "stack", "channels": ["broken", "good"], "ignore_exceptions": True},
        "strict": {"driver": "stack", "channels": ["broken", "good"]},
    }
    log = make_manager({"channels": channels})
    log.channel("broken").handlers[0].stream.close()  # type: ignore[attr-defined]
    log.channel("safe").info("survives")
    assert "survives" in (tmp_path / "good.log").read_text()
    with pytest.raises(LogWriteError):
        log.channel("strict").info("raises")


@pytest.mark.parametrize(
    ("channels", "name", "message"),
    [
        ({}, "nope", "Log channel 'nope' is not defined in config/logging.py"),
        ({"x": {"driver": "papertrail"}}, "x", "Log channel 'x' uses unknown driver 'papertrail'"),
        ({"x": {}}, "x", "uses unknown driver None"),
        ({"x": {"driver": "single"}}, "x", "Log channel 'x' (driver 'single') has no 'path'"),
        ({"x": {"driver": "daily", "path": ""}}, "x", "has no 'path'"),
        (
            {"x": {"driver": "daily", "path": "a.log", "days": -1}},
            "x",
            "'days' must be a non-negative integer",
        ),
        (
            {"x": {"driver": "single", "path": "a.log", "level": "loud"}},
            "x",
            "Invalid log level 'loud'",
        ),
        (
            {"x": {"driver": "single", "path": "a.log", "formatter": "xml"}},
            "x",
            "unknown formatter 'xml'",
        ),
        (
            {"x": {"driver": "stderr", "stream": "stdlog"}},
            "x",
            "'stream' must be 'stderr' or 'stdout'",
        ),
        ({"x": {"driver": "stack", "channels": []}}, "x", "needs a non-empty 'channels' list"),
        (
            {"x": {"driver": "stack", "channels": ["y"]}},
            "x",
            "Log channel 'y' (used by stack 'x') is not defined",
        ),
        ({"x": {"driver": "stack", "channels": ["x"]}}, "x", "loop in config/logging.py: x -> x"),
        ({"x": "single"}, "x", "Log channel 'x' must be a dict"),
        ({"x": {"driver": "custom"}}, "x", "needs 'via'"),
        ({"x": {"driver": "custom", "via": lambda c: "nope"}}, "x", "not a logging.Handler"),
        ({"x": {"driver": "handler", "handler": dict}}, "x", "needs 'handler'"),
        (
            {"x": {"driver": "handler", "handler": logging.FileHandler, "with": {"bad": 1}}},
            "x",
            "cannot create FileHandler",
        ),
    ],
)
def test_bad_config(make_manager: Make, channels: dict[str, Any], name: str, message: str) -> None:
    log = make_manager({"channels": channels})
    with pytest.raises(LogConfigError) as info:
        log.channel(name)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_unwritable_log_dir(make_manager: Make, tmp_path: Path) -> None:
    (tmp_path / "storage").write_text("a file, not a directory")
    log = make_manager(CONFIG)
    with pytest.raises(LogConfigError, match="Cannot create the log directory"):
        log.info("x")


def test_bad_channels_section(tmp_path: Path) -> None:
    with pytest.raises(LogConfigError, match="'channels' must be a dict"):
        LogManager({"channels": ["single"]}, tmp_path)


def test_bad_timezone(tmp_path: Path) -> None:
    with pytest.raises(LogConfigError, match="Unknown timezone 'Mars/Base'"):
        LogManager(CONFIG, tmp_path, timezone="Mars/Base")


def test_unknown_level_in_call(make_manager: Make) -> None:
    from parvel.log import LogError

    with pytest.raises(LogError, match="Invalid log level 'shout'"):
        make_manager(CONFIG).log("shout", "x")


def test_context_must_be_a_mapping(make_manager: Make) -> None:
    from parvel.log import LogError

    with pytest.raises(LogError, match="The log context must be a dict, got list"):
        make_manager(CONFIG).info("x", ["not", "a", "dict"])  # type: ignore[arg-type]


def test_listen_receives_every_message(make_manager: Make) -> None:
    from parvel.log import MessageLogged

    events: list[MessageLogged] = []
    log = make_manager(CONFIG).listen(events.append)
    log.share_context({"host": "a"})
    log.info("User {id}", {"id": 1})
    log.channel("errors").debug("below the level")
    assert events == [
        MessageLogged("info", "User 1", {"host": "a", "id": 1}, "stack"),
        MessageLogged("debug", "below the level", {"host": "a"}, "errors"),
    ]


def test_stack_with_on_demand_channel(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(CONFIG)
    extra = log.build({"driver": "single", "path": "storage/logs/extra.log"})
    log.stack([extra, "errors"]).error("both")
    extra.close()
    assert "both" in (tmp_path / "storage/logs/extra.log").read_text()
    assert "both" in (tmp_path / "storage/logs/errors.log").read_text()


def test_name_option_replaces_environment(make_manager: Make, tmp_path: Path) -> None:
    log = make_manager(
        {"channels": {"n": {"driver": "single", "path": "n.log", "name": "billing"}}}
    )
    log.channel("n").info("x")
    assert "] billing.INFO: x" in (tmp_path / "n.log").read_text()


def test_formatter_class_with_options(make_manager: Make, tmp_path: Path) -> None:
    config = {
        "channels": {
            "f": {
                "driver": "single",
                "path": "f.log",
                "formatter": logging.Formatter,
                "formatter_with": {"fmt": "%(levelname)s|%(message)s"},
            },
            "bad": {
                "driver": "single",
                "path": "b.log",
                "formatter": logging.Formatter,
                "formatter_with": {"nope": 1},
            },
        }
    }
    log = make_manager(config)
    log.channel("f").notice("custom")
    assert (tmp_path / "f.log").read_text() == "NOTICE|custom\n"
    with pytest.raises(LogConfigError, match="cannot create formatter Formatter"):
        log.channel("bad")
