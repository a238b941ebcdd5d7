"""Commands written as in Laravel: a ``signature`` string, ``self.argument()``/``option()``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parvel import Artisan
from parvel.console.discovery import load_application
from parvel.support.console_signature import SignatureError, parse_signature

COMMANDS = '''
from parvel import Artisan, Command, Output, command


class SendEmails(Command):
    signature = (
        "mail:send {user : The user id} {extra?*} {--Q|queue=default : The queue}"
        " {--dry-run} {--tag=*}"
    )
    description = "Send a marketing email to a user"

    async def handle(self, out: Output) -> int:
        self.info(f"user={self.argument('user')} queue={self.option('queue')}")
        self.line(f"dry={self.option('dry-run')} tags={self.option('tag')}")
        self.line(f"extra={self.argument('extra')}")
        if self.argument("user") == "0":
            self.fail("No such user.")
        return self.SUCCESS


class Setup(Command):
    signature = "app:setup {--quiet-call}"

    async def handle(self) -> int:
        """Call another command."""
        if self.option("quiet-call"):
            return await self.call_silently("mail:send", {"user": 9})
        return await self.call("mail:send", {"user": 8, "--queue": "high"})


def greet(name: str, shout: bool, out: Output) -> None:
    out.line(f"Hello {name.upper() if shout else name}")


Artisan.command("greet {name} {--shout}", greet).purpose("Greet someone")


@command("report:make {name} {--format=csv}")
def report(name: str, format: str, *, out: Output) -> int:
    """Make a report."""
    out.line(f"{name}.{format}")
    return 0
'''


@pytest.fixture
def app_dir(new_app: Path) -> Path:
    (new_app / "routes" / "console.py").write_text(COMMANDS)
    return new_app


def test_parse_signature() -> None:
    name, inputs = parse_signature("mail:send {user} {user2?} {--Q|queue=default : The queue}")
    assert name == "mail:send"
    assert [(i.name, i.is_option, i.required) for i in inputs] == [
        ("user", False, True),
        ("user2", False, False),
        ("queue", True, False),
    ]
    assert inputs[2].shortcut == "Q"
    assert inputs[2].default == "default"
    assert inputs[2].description == "The queue"
    with pytest.raises(SignatureError):
        parse_signature("{user}")


def test_class_command_from_the_cli(
    app_dir: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, err = cli("mail:send", "42", "a", "b", "-Q", "emails", "--dry-run", "--tag=x")
    assert code == 0, err
    assert "user=42 queue=emails" in out
    assert "dry=True tags=['x']" in out
    assert "extra=['a', 'b']" in out
    code, out, _ = cli("mail:send", "7")
    assert "user=7 queue=default" in out
    assert "dry=False tags=[]" in out
    code, out, err = cli("mail:send", "0")
    assert code == 1
    assert "No such user." in out + err
    code, out, _ = cli("list")
    assert "Send a marketing email to a user" in out


def test_signature_on_a_function(app_dir: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = cli("report:make", "sales", "--format=pdf")
    assert code == 0, err
    assert "sales.pdf" in out


def test_missing_argument_is_rejected(
    app_dir: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, _, err = cli("mail:send")
    assert code == 2
    assert "Missing argument" in err


async def test_call_and_call_silently(app_dir: Path) -> None:
    load_application(app_dir)
    assert await Artisan.call("app:setup") == 0
    assert "user=8 queue=high" in Artisan.output()
    assert await Artisan.call("app:setup", {"--quiet-call": True}) == 0
    assert "user=9" not in Artisan.output()
    assert await Artisan.call("mail:send", {"user": "0"}) == 1
    assert "No such user." in Artisan.output()


def test_closure_commands(app_dir: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = cli("greet", "Taylor", "--shout")
    assert code == 0, err
    assert "Hello TAYLOR" in out
    code, out, _ = cli("list")
    assert "Greet someone" in out


def test_help_lists_argument_descriptions(
    app_dir: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, _ = cli("help", "mail:send")
    if "user" not in out:  # `help NAME` may print through click's own help
        code, out, _ = cli("mail:send", "--help")
    assert code == 0
    assert "The user id" in out
    assert "-Q, --queue" in out
