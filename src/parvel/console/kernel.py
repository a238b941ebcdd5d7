"""The console kernel: builds the ``parvel`` CLI from command specs and runs it."""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from parvel.console.params import (
    argument_help,
    cli_parameters,
    convert_values,
    signature_parameters,
    signature_values,
)
from parvel.container import Container
from parvel.exceptions import ParvelError
from parvel.support.console import CommandSpec, Output

if TYPE_CHECKING:
    from parvel.foundation.application import Application

CORE_COMMAND_MODULES = [
    "parvel.console.commands.listing",
    "parvel.console.commands.new",
    "parvel.console.commands.serve",
    "parvel.console.commands.about",
    "parvel.console.commands.key",
    "parvel.console.commands.config",
    "parvel.console.commands.optimize",
    "parvel.console.commands.maintenance",
    "parvel.console.commands.tinker",
    "parvel.console.commands.make",
    "parvel.console.commands.make_classes",
    "parvel.console.commands.completion",
    "parvel.console.commands.testing",
    "parvel.http.console.requests",
]


def _arguments_help(spec: CommandSpec) -> str:
    """An ``Arguments:`` block for ``--help`` (click shows no help for arguments)."""
    definitions = spec.extra.get("definitions")
    if definitions is not None:
        rows = [(d.name, d.description) for d in definitions if not d.is_option and d.description]
    else:
        rows = [(name, text) for name, text in argument_help(spec.handler) if text]
    if not rows:
        return ""
    width = max(len(name) for name, _ in rows)
    lines = "\n".join(f"  {name.ljust(width)}  {text}" for name, text in rows)
    return f"\n\n\b\nArguments:\n{lines}"


class CommandNotFound(ParvelError):
    """The command name matches no command."""

    code = "command-not-found"


class ParvelGroup(click.Group):
    """The top-level group: artisan-style listing and "did you mean" suggestions."""

    def __init__(self, kernel: ConsoleKernel, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kernel = kernel

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the command, or raise :class:`CommandNotFound` with suggestions."""
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            raise self.kernel.not_found(name)
        return super().resolve_command(ctx, args)


class ConsoleKernel:
    """Collects the framework's and the app's commands and runs one of them."""

    def __init__(self, app: Application | None, output: Output) -> None:
        from parvel.console.discovery import app_commands, specs_from_modules

        self.app = app
        self.output = output
        self.specs: dict[str, CommandSpec] = {}
        for spec in specs_from_modules(CORE_COMMAND_MODULES):
            self.add(spec)
        if app is not None:
            for spec in app_commands(app):
                self.add(spec)

    def add(self, spec: CommandSpec) -> None:
        """Register a command (a later one with the same name replaces an earlier one)."""
        self.specs[spec.name] = spec

    def visible(self) -> list[CommandSpec]:
        """Commands shown by ``parvel list``, sorted by name."""
        return sorted((s for s in self.specs.values() if not s.hidden), key=lambda s: s.name)

    def not_found(self, name: str) -> CommandNotFound:
        """The error for an unknown command, with close matches."""
        names = [*self.specs, *(a for s in self.specs.values() for a in s.aliases)]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.55)
        close += [n for n in names if n.startswith(name) and n not in close][:3]
        hint = (
            "Did you mean " + " or ".join(f'"{c}"' for c in close[:3]) + "?"
            if close
            else ("Run `parvel list` to see every command.")
        )
        if self.app is None and not close:
            hint += " (Outside an app folder only the global commands exist.)"
        return CommandNotFound(f'Command "{name}" is not defined.', hint=hint)

    def build(self) -> ParvelGroup:
        """The click group with every command."""
        group = ParvelGroup(
            self,
            name="parvel",
            invoke_without_command=True,
            context_settings={"help_option_names": ["-h", "--help"]},
            params=[
                click.Option(["-v", "--verbose"], count=True, help="Show tracebacks on errors."),
                click.Option(["-n", "--no-interaction"], is_flag=True, help="Ask no questions."),
                click.Option(["--env"], help="The environment the command runs under."),
                click.Option(["-q", "--quiet"], is_flag=True, help="Do not output any message."),
            ],
            callback=self._root,
        )
        for spec in self.specs.values():
            command = self.command_for(spec)
            group.add_command(command, spec.name)
            for alias in spec.aliases:
                group.add_command(command, alias)
        return group

    def _root(self, **_: Any) -> None:
        ctx = click.get_current_context()
        if ctx.invoked_subcommand is None:
            ctx.invoke(self.command_for(self.specs["list"]))

    def command_for(self, spec: CommandSpec) -> click.Command:
        """The click command that parses ``spec``'s arguments and runs it."""
        definitions = spec.extra.get("definitions")
        params = (
            signature_parameters(definitions)
            if definitions is not None
            else cli_parameters(spec.handler)[0]
        )

        def callback(**values: Any) -> None:
            code = self.call(spec, values)
            click.get_current_context().exit(code)

        return click.Command(
            spec.name,
            params=params,
            callback=callback,
            help=(spec.help or spec.description) + _arguments_help(spec),
            short_help=spec.description,
            hidden=spec.hidden,
            context_settings={
                "help_option_names": ["-h", "--help"],
                "ignore_unknown_options": spec.passthrough,
            },
        )

    def invoke(self, spec: CommandSpec, values: dict[str, Any], container: Container) -> Any:
        """Start ``spec`` with click's parsed ``values``; its result may be a coroutine."""
        container.instance(Output, self.output)
        container.instance(ConsoleKernel, self)
        definitions = spec.extra.get("definitions")
        if definitions is None:
            return container.call(spec.handler, convert_values(spec.handler, values))
        arguments, options = signature_values(definitions, values)
        command_class = spec.extra.get("command_class")
        if command_class is None:
            wanted = inspect.signature(spec.handler).parameters
            given = {k: v for k, v in {**arguments, **options}.items() if k in wanted}
            return container.call(spec.handler, given)
        instance = container.make(command_class)
        instance.set_input(arguments, options, self.output, self._caller())
        return container.call(instance.handle)

    def _caller(self) -> Any:
        async def call(command: str, parameters: Any, output: Output | None) -> int:
            from parvel.console.artisan import Artisan

            return await Artisan.call(command, parameters, output=output, app=self.app)

        return call

    def call(self, spec: CommandSpec, values: dict[str, Any]) -> int:
        """Run ``spec``'s handler with ``values``, injecting services; return the exit code."""
        container: Container = self.app if self.app is not None else Container()
        result = self.invoke(spec, values, container)
        if inspect.iscoroutine(result):
            import asyncio

            result = asyncio.run(self._finish(result))
        return int(result or 0)

    async def _finish(self, coroutine: Any) -> Any:
        try:
            return await coroutine
        finally:
            if self.app is not None:
                await self.app.terminate()

    def run(self, argv: Sequence[str]) -> int:
        """Parse ``argv`` and run the command; return the exit code."""
        group = self.build()
        try:
            result = group.main(
                args=list(argv),
                prog_name="parvel",
                standalone_mode=False,
                complete_var="_PARVEL_COMPLETE",
            )
        except click.exceptions.Exit as done:
            return int(done.exit_code or 0)
        except click.ClickException as error:
            error.show()
            return error.exit_code
        except click.exceptions.Abort:
            self.output.error("Aborted.")
            return 1
        return result if isinstance(result, int) else 0
