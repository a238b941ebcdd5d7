"""Running console commands from code: ``await Artisan.call("db:seed", {"--force": True})``."""

from __future__ import annotations

import inspect
import io
import shlex
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar

import click

from parvel.support.console import CommandSpec, Output, command, spec_of
from parvel.support.console_command import CommandFailed

if TYPE_CHECKING:
    from parvel.foundation.application import Application


class Artisan:
    """Call any ``parvel`` command from code (a route, a job, another command, a test).

    ``parameters`` follow the command line: keys starting with ``-`` are options (``True``
    for a flag, a list to repeat), other keys name arguments::

        code = await Artisan.call("mail:send", {"user": 1, "--queue": "default"})
        code = await Artisan.call("mail:send 1 --queue=default")
        text = Artisan.output()

    The command's output is captured (read it with :meth:`output`) unless ``output`` is given;
    questions take their defaults. The application is not terminated afterwards, so the
    caller's database connections stay open.
    """

    _last_output: ClassVar[str] = ""
    _closures: ClassVar[list[CommandSpec]] = []

    @classmethod
    def command(cls, signature: str, callback: Callable[..., Any]) -> ClosureCommand:
        """Register ``callback`` as the command ``signature`` (Laravel's closure commands).

        Meant for ``routes/console.py``; the callback receives the signature's inputs by name
        and services by type::

            Artisan.command("mail:send {user}", send).purpose("Send a marketing email")
        """
        spec = spec_of(command(signature)(callback))
        assert spec is not None
        cls._closures.append(spec)
        return ClosureCommand(spec)

    @classmethod
    def closures_in(cls, module: ModuleType) -> list[CommandSpec]:
        """The closure commands registered by ``module``'s code (this import of it)."""
        namespace = vars(module)
        return [s for s in cls._closures if getattr(s.handler, "__globals__", None) is namespace]

    @classmethod
    async def call(
        cls,
        command: str,
        parameters: Mapping[str, Any] | None = None,
        *,
        output: Output | None = None,
        app: Application | None = None,
    ) -> int:
        """Run ``command`` with ``parameters``; return its exit code.

        Args:
            command: The command name, or a whole command line (``"migrate --force"``).
            parameters: Arguments by name and options by flag (``{"--class": "UserSeeder"}``).
            output: Where the command writes; by default a buffer read by :meth:`output`.
            app: The application; by default the current one.

        Raises:
            CommandNotFound: no command has that name.
        """
        from parvel.console.kernel import ConsoleKernel

        app = app if app is not None else _current_app()
        stream = io.StringIO()
        out = output if output is not None else Output(stream=stream, interactive=False)
        name, *words = shlex.split(command)
        kernel = ConsoleKernel(app, out)
        spec = kernel.specs.get(name) or next(
            (s for s in kernel.specs.values() if name in s.aliases), None
        )
        if spec is None:
            raise kernel.not_found(name)
        click_command = kernel.command_for(spec)
        argv = [*words, *_argv(click_command, parameters or {})]
        try:
            with click_command.make_context(name, argv) as ctx:
                values = dict(ctx.params)
            result = kernel.invoke(spec, values, app)
            if inspect.isawaitable(result):
                result = await result
        except click.ClickException as error:
            out.error(error.format_message())
            result = error.exit_code
        except CommandFailed as error:
            out.error(f"ERROR  {error}")
            result = 1
        finally:
            cls._last_output = stream.getvalue()
        return int(result or 0)

    @classmethod
    def output(cls) -> str:
        """The text the last :meth:`call` wrote (when it captured its output)."""
        return cls._last_output


class ClosureCommand:
    """What :meth:`Artisan.command` returns: set the description with :meth:`purpose`."""

    def __init__(self, spec: CommandSpec) -> None:
        self.spec = spec

    def purpose(self, description: str) -> ClosureCommand:
        """The one-line description shown by ``parvel list``."""
        self.spec.description = description
        self.spec.help = self.spec.help or description
        return self

    describe = purpose


def _current_app() -> Application:
    from parvel.support.facade import Facade

    app: Any = Facade.get_application()
    return app  # type: ignore[no-any-return]


def _argv(command: click.Command, parameters: Mapping[str, Any]) -> list[str]:
    """Command-line words for ``parameters``: arguments in the command's order, then options."""
    words: list[str] = []
    for param in command.params:
        if isinstance(param, click.Argument) and param.name in parameters:
            value = parameters[param.name]
            values = value if isinstance(value, list | tuple) else [value]
            words.extend(str(v) for v in values)
    for key, value in parameters.items():
        if not key.startswith("-") or value is False or value is None:
            continue
        if value is True:
            words.append(key)
        elif isinstance(value, list | tuple):
            words.extend(f"{key}={v}" if key.startswith("--") else f"{key}{v}" for v in value)
        else:
            words.append(f"{key}={value}" if key.startswith("--") else f"{key}{value}")
    return words
