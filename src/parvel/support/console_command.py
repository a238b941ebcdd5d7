"""Class-based console commands with an artisan-style signature.

Written as in Laravel::

    from parvel import Command

    class SendEmails(Command):
        signature = "mail:send {user : The user id} {--queue=default}"
        description = "Send a marketing email to a user"

        async def handle(self, mailer: Mailer) -> int:
            self.info(f"Sending to {self.argument('user')} on {self.option('queue')}")
            return self.SUCCESS

Put the class in ``app/console/commands/`` (or ``routes/console.py``): it is discovered like a
``@command`` function. ``handle()`` may be ``async`` and have services injected.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, NoReturn

from parvel.exceptions import ParvelError
from parvel.support.console import COMMAND_ATTRIBUTE, CommandSpec, Output, ProgressBar
from parvel.support.console_signature import parse_signature

Caller = Callable[[str, Mapping[str, Any] | None, Output | None], Awaitable[int]]


class CommandFailed(ParvelError):
    """Raised by :meth:`Command.fail`: the command stops with exit code 1."""

    code = "command-failed"


class Command:
    """Base class of a console command defined by a ``signature`` string."""

    SUCCESS: ClassVar[int] = 0
    FAILURE: ClassVar[int] = 1
    INVALID: ClassVar[int] = 2

    signature: ClassVar[str] = ""
    description: ClassVar[str] = ""
    help: ClassVar[str] = ""
    hidden: ClassVar[bool] = False
    aliases: ClassVar[Sequence[str]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "signature" not in cls.__dict__:
            return
        name, definitions = parse_signature(cls.signature)
        doc = (cls.__doc__ or "").strip()
        description = cls.description or (doc.splitlines()[0].strip() if doc else "")
        spec = CommandSpec(
            name=name,
            handler=cls,
            description=description,
            help=cls.help or doc or description,
            aliases=tuple(cls.aliases),
            hidden=cls.hidden,
            extra={"definitions": definitions, "command_class": cls},
        )
        setattr(cls, COMMAND_ATTRIBUTE, spec)

    def __init__(self) -> None:
        self.output = Output()
        self._arguments: dict[str, Any] = {}
        self._options: dict[str, Any] = {}
        self._caller: Caller | None = None

    def set_input(
        self,
        arguments: Mapping[str, Any],
        options: Mapping[str, Any],
        output: Output,
        caller: Caller | None = None,
    ) -> None:
        """Give the command its parsed input and its output (the kernel does this)."""
        self._arguments = dict(arguments)
        self._options = dict(options)
        self.output = output
        self._caller = caller

    # -- input -----------------------------------------------------------------------------

    def argument(self, key: str | None = None) -> Any:
        """The value of the argument ``key`` (``None`` when an optional one is absent).

        Without ``key``, every argument by name (as :meth:`arguments`).
        """
        if key is None:
            return self.arguments()
        return self._arguments.get(key.replace("-", "_"))

    def arguments(self) -> dict[str, Any]:
        """Every argument by name."""
        return dict(self._arguments)

    def has_argument(self, key: str) -> bool:
        """Whether the signature defines the argument ``key``."""
        return key.replace("-", "_") in self._arguments

    def option(self, key: str | None = None) -> Any:
        """The value of the option ``key`` (a flag is ``True``/``False``).

        Without ``key``, every option by name (as :meth:`options`).
        """
        if key is None:
            return self.options()
        return self._options.get(key.replace("-", "_"))

    def options(self) -> dict[str, Any]:
        """Every option by name."""
        return dict(self._options)

    def has_option(self, key: str) -> bool:
        """Whether the signature defines the option ``key``."""
        return key.replace("-", "_") in self._options

    # -- output ----------------------------------------------------------------------------

    @property
    def components(self) -> Output:
        """Laravel's ``$this->components``: ``self.components.info(...)``, ``.task(...)``."""
        return self.output

    def alert(self, text: str) -> None:
        """Write ``text`` framed by asterisks."""
        self.output.alert(text)

    def line(self, text: str = "", style: str | None = None) -> None:
        """Write a line of plain text."""
        self.output.line(text, style)

    def new_line(self, count: int = 1) -> None:
        """Write ``count`` empty lines."""
        self.output.new_line(count)

    def info(self, text: str) -> None:
        """Write a line in green."""
        self.output.info(text)

    def comment(self, text: str) -> None:
        """Write a line in yellow."""
        self.output.comment(text)

    def question(self, text: str) -> None:
        """Write a line in cyan."""
        self.output.question(text)

    def warn(self, text: str) -> None:
        """Write a warning line."""
        self.output.warn(text)

    def error(self, text: str) -> None:
        """Write an error line."""
        self.output.error(text)

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Write a table."""
        self.output.table(headers, rows)

    def with_progress_bar(self, items: Iterable[Any], callback: Callable[[Any], Any]) -> None:
        """Call ``callback`` for each item while drawing a progress bar."""
        for item in self.output.progress(items):
            callback(item)

    def create_progress_bar(self, total: int | None = None) -> ProgressBar:
        """A progress bar to drive by hand: ``start()``, ``advance()``, ``finish()``."""
        return self.output.create_progress_bar(total)

    def progress(self, items: Iterable[Any], description: str = "") -> Iterator[Any]:
        """Iterate ``items`` while drawing a progress bar."""
        return self.output.progress(items, description)

    # -- questions -------------------------------------------------------------------------

    def ask(self, question: str, default: str | None = None) -> str | None:
        """Ask for a line of text (``default`` without a terminal or with ``-n``)."""
        return self.output.ask(question, default)

    def secret(self, question: str, default: str | None = None) -> str | None:
        """Ask without echoing the answer."""
        return self.output.secret(question, default)

    def confirm(self, question: str, default: bool = False) -> bool:
        """Ask a yes/no question."""
        return self.output.confirm(question, default)

    def choice(
        self, question: str, choices: Sequence[str], default: str | None = None
    ) -> str | None:
        """Ask to pick one of ``choices``."""
        return self.output.choice(question, choices, default)

    def anticipate(
        self, question: str, suggestions: Sequence[str], default: str | None = None
    ) -> str | None:
        """Ask for text, suggesting answers."""
        return self.output.anticipate(question, suggestions, default)

    # -- flow ------------------------------------------------------------------------------

    def fail(self, message: str) -> NoReturn:
        """Stop the command with ``message``; it exits with code 1.

        Raises:
            CommandFailed: always.
        """
        raise CommandFailed(message)

    async def call(self, command: str, parameters: Mapping[str, Any] | None = None) -> int:
        """Run another command, writing to this command's output; return its exit code."""
        return await self._call(command, parameters, self.output)

    async def call_silently(self, command: str, parameters: Mapping[str, Any] | None = None) -> int:
        """Run another command, discarding its output; return its exit code."""
        return await self._call(command, parameters, None)

    async def _call(
        self, command: str, parameters: Mapping[str, Any] | None, output: Output | None
    ) -> int:
        if self._caller is None:
            raise CommandFailed(f"{type(self).__name__} cannot call {command}: it is not running.")
        return await self._caller(command, parameters, output)
