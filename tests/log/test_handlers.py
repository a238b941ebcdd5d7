from __future__ import annotations

import logging
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from parvel.log import DailyFileHandler, FileHandler, LogConfigError, LogWriteError, StreamHandler


def _record(when: datetime, message: str = "line") -> logging.LogRecord:
    record = logging.LogRecord("x", logging.INFO, "", 0, message, None, None)
    record.created = when.timestamp()
    return record


def test_file_handler_creates_directories(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "app.log"
    handler = FileHandler(path)
    handler.handle(_record(datetime.now(UTC), "first"))
    handler.close()
    assert path.read_text() == "first\n"


def test_file_handler_permission(tmp_path: Path) -> None:
    handler = FileHandler(tmp_path / "app.log", permission=0o640)
    handler.close()
    assert (tmp_path / "app.log").stat().st_mode & 0o777 == 0o640


def test_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    with pytest.raises(LogConfigError) as info:
        FileHandler(blocker / "logs" / "app.log", channel="single")
    message = str(info.value)
    assert "Cannot create the log directory" in message
    assert "'single'" in message
    assert "config/logging.py" in message


def test_path_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(LogConfigError, match="Cannot open the log file"):
        FileHandler(tmp_path)


def test_write_failure_raises(tmp_path: Path) -> None:
    handler = FileHandler(tmp_path / "app.log")
    handler.stream.close()
    with pytest.raises(LogWriteError, match="Could not write a log line to"):
        handler.handle(_record(datetime.now(UTC)))


def test_daily_file_names(tmp_path: Path) -> None:
    handler = DailyFileHandler(tmp_path / "parvel.log", today=date(2026, 11, 23))
    handler.handle(_record(datetime(2026, 11, 23, 23, 59, tzinfo=UTC), "monday"))
    handler.handle(_record(datetime(2026, 11, 24, 0, 0, 1, tzinfo=UTC), "tuesday"))
    handler.close()
    assert (tmp_path / "parvel-2026-11-23.log").read_text() == "monday\n"
    assert (tmp_path / "parvel-2026-11-24.log").read_text() == "tuesday\n"
    assert not (tmp_path / "parvel.log").exists()


def test_daily_uses_timezone(tmp_path: Path) -> None:
    handler = DailyFileHandler(
        tmp_path / "app.log", timezone=ZoneInfo("Asia/Tokyo"), today=date(2026, 11, 23)
    )
    handler.handle(_record(datetime(2026, 11, 23, 16, 0, tzinfo=UTC)))
    handler.close()
    assert (tmp_path / "app-2026-11-24.log").exists()


def test_daily_retention(tmp_path: Path) -> None:
    for day in range(1, 6):
        (tmp_path / f"parvel-2026-11-0{day}.log").write_text("old")
    (tmp_path / "other-2026-11-01.log").write_text("keep")
    (tmp_path / "parvel.log").write_text("keep")
    handler = DailyFileHandler(tmp_path / "parvel.log", days=3, today=date(2026, 11, 6))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "other-2026-11-01.log",
        "parvel-2026-11-04.log",
        "parvel-2026-11-05.log",
        "parvel-2026-11-06.log",
        "parvel.log",
    ]
    handler.handle(_record(datetime(2026, 11, 7, tzinfo=UTC)))
    handler.close()
    assert sorted(p.name for p in tmp_path.glob("parvel-*")) == [
        "parvel-2026-11-05.log",
        "parvel-2026-11-06.log",
        "parvel-2026-11-07.log",
    ]


def test_daily_zero_days_keeps_everything(tmp_path: Path) -> None:
    for day in range(1, 4):
        (tmp_path / f"parvel-2026-11-0{day}.log").write_text("old")
    DailyFileHandler(tmp_path / "parvel.log", days=0, today=date(2026, 11, 9)).close()
    assert len(list(tmp_path.glob("parvel-*"))) == 4


def test_daily_unwritable(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(LogConfigError, match="'daily'"):
        DailyFileHandler(tmp_path / "file" / "parvel.log")


def test_stream_handler_follows_sys_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    handler = StreamHandler()
    handler.handle(_record(datetime.now(UTC), "to stderr"))
    out = StreamHandler("stdout")
    out.handle(_record(datetime.now(UTC), "to stdout"))
    captured = capsys.readouterr()
    assert captured.err == "to stderr\n"
    assert captured.out == "to stdout\n"
    assert handler.stream is sys.stderr
