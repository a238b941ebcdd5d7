"""Console tests: run a command in-process and assert on its output and exit code.

``await artisan("greet Ada").expects_output("Hello, Ada!").assert_successful()`` — the
``artisan`` fixture returns a :class:`PendingCommand` bound to the test's app; the command runs
when the pending command is awaited, then every expectation is checked.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from parvel.foundation.application import Application


class CommandResult:
    """What an awaited :class:`PendingCommand` gives back: the exit code and the output."""

    __slots__ = ("exit_code", "output")

    def __init__(self, exit_code: int, output: str) -> None:
        self.exit_code = exit_code
        self.output = output

    def __repr__(self) -> str:
        return f"CommandResult(exit_code={self.exit_code}, output={self.output!r})"


class PendingCommand:
    """A command with the expectations to check once it has run (await it to run it)."""

    def __init__(
        self, app: Application, command: str, parameters: Mapping[str, Any] | None = None
    ) -> None:
        self._app = app
        self._command = command
        self._parameters = dict(parameters or {})
        self._lines: list[str] = []
        self._not_lines: list[str | None] = []
        self._contains: list[str] = []
        self._not_contains: list[str] = []
        self._exit: tuple[int, bool] | None = None  # (code, expected equal?)

    # -- expectations ---------------------------------------------------------------------------
    def expects_output(self, text: str) -> Self:
        """Some line of the output is ``text`` (surrounding spaces ignored)."""
        self._lines.append(text)
        return self

    def doesnt_expect_output(self, text: str | None = None) -> Self:
        """No line is ``text``; without ``text``, the command prints nothing at all."""
        self._not_lines.append(text)
        return self

    def expects_output_to_contain(self, text: str) -> Self:
        """The output contains ``text`` anywhere."""
        self._contains.append(text)
        return self

    def doesnt_expect_output_to_contain(self, text: str) -> Self:
        """The output does not contain ``text``."""
        self._not_contains.append(text)
        return self

    def assert_exit_code(self, code: int) -> Self:
        """The command exits with ``code``."""
        self._exit = (code, True)
        return self

    def assert_not_exit_code(self, code: int) -> Self:
        """The command exits with anything but ``code``."""
        self._exit = (code, False)
        return self

    def assert_successful(self) -> Self:
        """The command exits with 0."""
        return self.assert_exit_code(0)

    def assert_ok(self) -> Self:
        """Alias of :meth:`assert_successful`."""
        return self.assert_successful()

    def assert_failed(self) -> Self:
        """The command exits with anything but 0."""
        return self.assert_not_exit_code(0)

    # -- running --------------------------------------------------------------------------------
    def __await__(self) -> Generator[Any, None, CommandResult]:
        return self.run().__await__()

    async def run(self) -> CommandResult:
        """Run the command, check every expectation, and return its result."""
        from parvel.console.artisan import Artisan

        code = await Artisan.call(self._command, self._parameters, app=self._app)
        result = CommandResult(code, Artisan.output())
        self._check(result)
        return result

    def _check(self, result: CommandResult) -> None:
        lines = [line.strip() for line in result.output.splitlines()]
        problems = [
            f"Output {text!r} was not printed." for text in self._lines if text not in lines
        ]
        for text in self._not_lines:
            if text is None and result.output.strip():
                problems.append("The command printed output, but none was expected.")
            elif text is not None and text in lines:
                problems.append(f"Output {text!r} was printed.")
        problems += [
            f"Output does not contain {text!r}."
            for text in self._contains
            if text not in result.output
        ]
        problems += [
            f"Output contains {text!r}." for text in self._not_contains if text in result.output
        ]
        if self._exit is not None:
            code, equal = self._exit
            if (result.exit_code == code) is not equal:
                wanted = f"exit code {code}" if equal else f"an exit code other than {code}"
                problems.append(f"Expected {wanted}, got {result.exit_code}.")
        if problems:
            shown = result.output if len(result.output) < 2000 else result.output[:2000] + "…"
            raise AssertionError(
                f"`parvel {self._command}`: " + " ".join(problems) + f"\n\nOutput:\n{shown}"
            )
