"""Console tests: ``await artisan("cmd").expects_output(...).assert_exit_code(0)``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parvel.console.discovery import load_application
from parvel.testing.console import PendingCommand

COMMANDS = '''
from parvel import Output, command


@command("greet")
def greet(name: str, shout: bool = False, *, out: Output) -> int:
    """Greet someone."""
    out.line(f"Hello, {name}!".upper() if shout else f"Hello, {name}!")
    return 0 if name != "nobody" else 4


@command("quiet")
def quiet() -> int:
    """Print nothing."""
    return 0
'''


@pytest.fixture
def app(new_app: Path) -> Any:
    (new_app / "routes" / "console.py").write_text(COMMANDS)
    return load_application(new_app)


async def test_expectations_that_hold(app: Any) -> None:
    result = await (
        PendingCommand(app, "greet", {"name": "Ada"})
        .expects_output("Hello, Ada!")
        .expects_output_to_contain("Ada")
        .doesnt_expect_output("Hello, Bob!")
        .doesnt_expect_output_to_contain("Bob")
        .assert_successful()
    )
    assert (result.exit_code, result.output.strip()) == (0, "Hello, Ada!")
    await PendingCommand(app, "greet Ada --shout").expects_output("HELLO, ADA!").assert_ok()
    await PendingCommand(app, "greet nobody").assert_exit_code(4).assert_failed()
    await PendingCommand(app, "quiet").doesnt_expect_output().assert_successful()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda p: p.expects_output("Hello, Bob!"), "Output 'Hello, Bob!' was not printed."),
        (lambda p: p.doesnt_expect_output(), "printed output, but none was expected"),
        (lambda p: p.doesnt_expect_output_to_contain("Ada"), "Output contains 'Ada'."),
        (lambda p: p.assert_exit_code(1), "Expected exit code 1, got 0."),
        (lambda p: p.assert_failed(), "Expected an exit code other than 0, got 0."),
    ],
)
async def test_failed_expectations_name_the_command_and_show_the_output(
    app: Any, build: Any, message: str
) -> None:
    with pytest.raises(AssertionError) as caught:
        await build(PendingCommand(app, "greet Ada"))
    text = str(caught.value)
    assert text.startswith("`parvel greet Ada`: ")
    assert message in text
    assert "Output:\nHello, Ada!" in text
