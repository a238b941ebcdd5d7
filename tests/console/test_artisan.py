"""Calling commands from code: ``await Artisan.call(...)`` and ``Artisan.output()``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from parvel import Artisan
from parvel.console.discovery import load_application
from parvel.console.kernel import CommandNotFound
from parvel.support.console import Output

COMMANDS = '''
from typing import Annotated

from parvel import Option, Output, command


@command("mail:send")
async def send_mail(
    user: int,
    queue: Annotated[str, Option("-Q")] = "default",
    dry_run: bool = False,
    *,
    out: Output,
) -> int:
    """Send the mail."""
    out.line(f"user={user} queue={queue} dry={dry_run}")
    return 3 if dry_run else 0
'''


@pytest.fixture
def app_with_command(new_app: Path) -> object:
    (new_app / "routes" / "console.py").write_text(COMMANDS)
    return load_application(new_app)


async def test_call_with_parameters_returns_the_exit_code(app_with_command: object) -> None:
    code = await Artisan.call("mail:send", {"user": 7, "--queue": "emails"})
    assert code == 0
    assert Artisan.output().strip() == "user=7 queue=emails dry=False"
    assert await Artisan.call("mail:send", {"user": 1, "--dry-run": True}) == 3


async def test_call_with_a_command_line(app_with_command: object) -> None:
    assert await Artisan.call("mail:send 5 -Q high") == 0
    assert "user=5 queue=high" in Artisan.output()


async def test_call_writes_to_a_given_output(app_with_command: object) -> None:
    stream = io.StringIO()
    assert await Artisan.call("mail:send", {"user": 2}, output=Output(stream=stream)) == 0
    assert "user=2" in stream.getvalue()


async def test_bad_values_and_unknown_commands(app_with_command: object) -> None:
    assert await Artisan.call("mail:send", {"user": "two"}) == 2
    assert "not a valid integer" in Artisan.output()
    with pytest.raises(CommandNotFound):
        await Artisan.call("mail:sned")
