"""``list`` and ``help``."""

from __future__ import annotations

from typing import Annotated

import click

from parvel.__about__ import __version__
from parvel.console.kernel import ConsoleKernel
from parvel.support.console import Argument, Option, Output, command


@command("list", needs_app=False)
def list_commands(
    namespace: Annotated[str | None, Argument(help="Only this namespace (e.g. make)")] = None,
    *,
    raw: Annotated[bool, Option(help="One command per line, no colours")] = False,
    kernel: ConsoleKernel,
    out: Output,
) -> int:
    """List commands, grouped by namespace."""
    specs = [s for s in kernel.visible() if namespace is None or s.namespace == namespace]
    if kernel.app is None:
        specs = [s for s in specs if not s.needs_app]
    if namespace is not None and not specs:
        out.error(f'There are no commands defined in the "{namespace}" namespace.')
        return 1
    if raw:
        for spec in specs:
            out.line(f"{spec.name:<30} {spec.description}")
        return 0
    width = max((len(s.name) for s in specs), default=10) + 2
    out.markup(f"Parvel Framework [green]{__version__}[/]")
    out.new_line()
    out.markup("[yellow]Usage:[/]\n  parvel command \\[options] \\[arguments]")
    out.new_line()
    out.markup("[yellow]Options:[/]")
    for flags, text in (
        ("-h, --help", "Display help for the given command"),
        ("-V, --version", "Display this application version"),
        ("-n, --no-interaction", "Do not ask any interactive question"),
        ("--env[=ENV]", "The environment the command should run under"),
        ("-v, --verbose", "Show tracebacks on errors"),
    ):
        out.markup(f"  [green]{flags:<22}[/] {text}")
    out.new_line()
    out.markup(
        "[yellow]Available commands:[/]"
        if namespace is None
        else f'[yellow]Available commands for the "{namespace}" namespace:[/]'
    )
    current = None
    for spec in sorted(specs, key=lambda s: (s.namespace, s.name)):
        if spec.namespace != current and spec.namespace:
            out.markup(f" [yellow]{spec.namespace}[/]")
        current = spec.namespace
        out.markup(f"  [green]{spec.name:<{width}}[/] {spec.description}")
    return 0


@command("help", needs_app=False)
def help_command(
    command_name: Annotated[str, Argument(help="The command name", metavar="COMMAND")] = "help",
    *,
    kernel: ConsoleKernel,
    out: Output,
) -> int:
    """Display help for a command."""
    if command_name not in kernel.specs:
        raise kernel.not_found(command_name)
    group = kernel.build()
    cmd = group.commands[command_name]
    with click.Context(cmd, info_name=f"parvel {command_name}") as ctx:
        out.line(cmd.get_help(ctx))
    return 0
