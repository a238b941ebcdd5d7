"""Console command definitions, usable from any component without importing the CLI kernel.

A command is a plain (usually ``async``) function decorated with :func:`command`. Its simple
typed parameters become CLI arguments and options; parameters typed with a service class
(``Application``, ``Output``, ``DatabaseManager``...) are injected by the container::

    from typing import Annotated
    from parvel.support.console import Option, Output, command

    @command("mail:send")
    async def send_mail(user: int, queue: Annotated[bool, Option("-q")] = False, *, out: Output) -> int:
        \"\"\"Send the welcome mail to a user.\"\"\"
        out.info(f"Sent to {user}.")
        return 0

Positional parameters without a default are arguments; parameters with a default are options
(``--queue``; a ``bool`` is a flag, ``list[str]`` may repeat). The docstring is the help text.
See docs/console.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

COMMAND_ATTRIBUTE = "__parvel_command__"


@dataclass(frozen=True)
class Argument:
    """Metadata for a positional argument: ``Annotated[str, Argument(help="...")]``."""

    help: str = ""
    metavar: str | None = None


@dataclass(frozen=True)
class Option:
    """Metadata for an option: ``Annotated[bool, Option("-f", help="...")]``."""

    flags: tuple[str, ...] = ()
    help: str = ""
    metavar: str | None = None

    def __init__(self, *flags: str, help: str = "", metavar: str | None = None) -> None:
        object.__setattr__(self, "flags", flags)
        object.__setattr__(self, "help", help)
        object.__setattr__(self, "metavar", metavar)


@dataclass
class CommandSpec:
    """What :func:`command` records about a command function."""

    name: str
    handler: Callable[..., Any]
    description: str = ""
    help: str = ""
    aliases: tuple[str, ...] = ()
    hidden: bool = False
    needs_app: bool = True
    passthrough: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def namespace(self) -> str:
        """The part before the colon (``make`` for ``make:model``), or ``""``."""
        return self.name.split(":", 1)[0] if ":" in self.name else ""


def command(
    name: str,
    *,
    description: str | None = None,
    aliases: Sequence[str] = (),
    hidden: bool = False,
    needs_app: bool = True,
    passthrough: bool = False,
) -> Callable[[F], F]:
    """Declare ``fn`` as the console command ``name`` (e.g. ``"route:list"``).

    ``name`` may be a whole artisan-style signature, ``"mail:send {user} {--queue=}"``: its
    inputs then define the command line, and ``fn`` receives them as keyword arguments by
    name (``dry-run`` → ``dry_run``) when it declares them.

    Args:
        name: The command name, ``namespace:action`` by convention, or a signature.
        description: One line for ``parvel list``; defaults to the docstring's first line.
        aliases: Other names that run the same command.
        hidden: Leave it out of ``parvel list``.
        needs_app: Whether the command needs a booted application (``new`` does not).
        passthrough: Unknown options go to the command's variadic argument instead of
            failing (``parvel test -k slow`` hands ``-k slow`` to pytest).
    """
    extra: dict[str, Any] = {}
    if "{" in name:
        from parvel.support.console_signature import parse_signature

        name, extra["definitions"] = parse_signature(name)

    def decorate(fn: F) -> F:
        doc = (fn.__doc__ or "").strip()
        first = doc.splitlines()[0].strip() if doc else ""
        spec = CommandSpec(
            name=name,
            extra=dict(extra),
            handler=fn,
            description=description or first,
            help=doc,
            aliases=tuple(aliases),
            hidden=hidden,
            needs_app=needs_app,
            passthrough=passthrough,
        )
        setattr(fn, COMMAND_ATTRIBUTE, spec)
        return fn

    return decorate


def spec_of(fn: Any) -> CommandSpec | None:
    """The :class:`CommandSpec` of a decorated function, or ``None``."""
    spec = getattr(fn, COMMAND_ATTRIBUTE, None)
    if isinstance(fn, type) and isinstance(spec, CommandSpec) and spec.handler is not fn:
        return None  # a subclass of a command class that declares no signature of its own
    return spec if isinstance(spec, CommandSpec) else None


class Output:
    """Laravel-style console output on top of rich: ``info``, ``error``, ``table``, ``task``...

    Injected into commands by type. ``Output(stream=io.StringIO())`` captures output in tests.
    """

    def __init__(
        self,
        stream: Any = None,
        *,
        verbosity: int = 0,
        interactive: bool = True,
        quiet: bool = False,
    ) -> None:
        from rich.console import Console

        self.console = Console(
            file=stream or sys.stdout, highlight=False, soft_wrap=True, quiet=quiet
        )
        self.error_console = (
            self.console
            if stream is not None
            else Console(stderr=True, highlight=False, soft_wrap=True)
        )
        self.verbosity = verbosity
        self.interactive = interactive and (stream is None) and sys.stdin.isatty()

    def line(self, text: str = "", style: str | None = None) -> None:
        """Write a line of plain text (rich markup is not interpreted)."""
        self.console.print(text, style=style, markup=False, highlight=False)

    def new_line(self, count: int = 1) -> None:
        """Write ``count`` empty lines."""
        for _ in range(count):
            self.console.print()

    def info(self, text: str) -> None:
        """Write a line in green."""
        self.line(text, "green")

    def comment(self, text: str) -> None:
        """Write a line in yellow."""
        self.line(text, "yellow")

    def question(self, text: str) -> None:
        """Write a line in cyan."""
        self.line(text, "cyan")

    def warn(self, text: str) -> None:
        """Write a warning line in yellow."""
        self.line(text, "yellow")

    def error(self, text: str) -> None:
        """Write an error line in red (to stderr when writing to the terminal)."""
        self.error_console.print(text, style="bold red", markup=False, highlight=False)

    def alert(self, text: str) -> None:
        """Write ``text`` framed by a line of asterisks above and below."""
        frame = "*" * (len(text) + 12)
        for line in (frame, f"*     {text}     *", frame):
            self.line(line, "yellow")
        self.new_line()

    def bullet_list(self, items: Iterable[str]) -> None:
        """Write each item as a ``⇂ item`` line."""
        for item in items:
            self.line(f"  ⇂ {item}")

    def two_column_detail(self, first: str, second: str = "") -> None:
        """Laravel's ``twoColumnDetail``: ``first ....... second``."""
        self.two_column(first, second)

    def markup(self, text: str) -> None:
        """Write rich markup (``[bold]x[/]``)."""
        self.console.print(text)

    def table(
        self, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None
    ) -> None:
        """Write a table."""
        from rich.table import Table

        table = Table(*headers, title=title, header_style="bold green")
        for row in rows:
            table.add_row(*("" if cell is None else str(cell) for cell in row))
        self.console.print(table)

    def two_column(self, left: str, right: str, right_style: str = "") -> None:
        """Write ``left ........ right`` across the terminal width, like artisan."""
        width = max(self.console.width, 40)
        dots = max(width - len(left) - len(right) - 4, 3)
        self.console.print(
            f"  {left} [bright_black]{'.' * dots}[/] [{right_style or 'default'}]{right}[/]",
            highlight=False,
        )

    def task(self, description: str, status: str = "DONE", *, failed: bool = False) -> None:
        """Write an artisan-style task line: ``Seeding: X ..... DONE``."""
        self.two_column(description, status, "bold red" if failed else "bold green")

    def confirm(self, question: str, default: bool = False) -> bool:
        """Ask a yes/no question; non-interactive runs take the ``default``."""
        if not self.interactive:
            return default
        from rich.prompt import Confirm

        return Confirm.ask(question, default=default, console=self.console)

    def ask(self, question: str, default: str | None = None) -> str | None:
        """Ask for a line of text; non-interactive runs take the ``default``."""
        if not self.interactive:
            return default
        from rich.prompt import Prompt

        return Prompt.ask(question, default=default, console=self.console)

    def secret(self, question: str, default: str | None = None) -> str | None:
        """Ask for a line of text without echoing it (a password); non-interactive: ``default``."""
        if not self.interactive:
            return default
        from rich.prompt import Prompt

        answer = Prompt.ask(question, password=True, default=default, console=self.console)
        return answer

    def anticipate(
        self, question: str, suggestions: Sequence[str], default: str | None = None
    ) -> str | None:
        """Ask for text, listing ``suggestions`` (any answer is accepted, unlike :meth:`choice`)."""
        if not self.interactive:
            return default
        hint = ", ".join(suggestions)
        return self.ask(f"{question} [dim]({hint})[/]" if hint else question, default)

    def choice(
        self, question: str, choices: Sequence[str], default: str | None = None
    ) -> str | None:
        """Ask to pick one of ``choices``."""
        if not self.interactive:
            return default
        from rich.prompt import Prompt

        return Prompt.ask(question, choices=list(choices), default=default, console=self.console)

    def create_progress_bar(self, total: int | None = None) -> ProgressBar:
        """A progress bar to drive by hand: ``start()``, ``advance()``, ``finish()``."""
        return ProgressBar(self, total)

    def progress(self, items: Iterable[Any], description: str = "") -> Iterator[Any]:
        """Iterate ``items`` while drawing a progress bar."""
        from rich.progress import track

        yield from track(items, description=description, console=self.console)


class ProgressBar:
    """A progress bar advanced by hand, like Laravel's ``createProgressBar``.

    ::

        bar = out.create_progress_bar(len(users))
        bar.start()
        for user in users:
            ...
            bar.advance()
        bar.finish()
    """

    def __init__(self, output: Output, total: int | None = None) -> None:
        from rich.progress import Progress

        self.total = total
        self.steps = 0
        self._progress = Progress(console=output.console, transient=False)
        self._task: Any = None

    def start(self, total: int | None = None) -> None:
        """Draw the bar at 0 (``total`` replaces the one given at creation)."""
        if total is not None:
            self.total = total
        self._progress.start()
        self._task = self._progress.add_task("", total=self.total)

    def advance(self, step: int = 1) -> None:
        """Move forward by ``step`` (starting the bar if needed)."""
        if self._task is None:
            self.start()
        self.steps += step
        self._progress.update(self._task, advance=step)

    def set_progress(self, steps: int) -> None:
        """Jump to ``steps``."""
        if self._task is None:
            self.start()
        self.steps = steps
        self._progress.update(self._task, completed=steps)

    def finish(self) -> None:
        """Complete the bar and stop drawing it."""
        if self._task is None:
            self.start()
        if self.total is not None:
            self.steps = self.total
            self._progress.update(self._task, completed=self.total)
        self._progress.stop()
