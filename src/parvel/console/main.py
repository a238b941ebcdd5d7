"""The ``parvel`` command: entry point of the console script and ``python -m parvel``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

_FLAGS = {"-n", "--no-interaction", "-v", "-vv", "-vvv", "--verbose", "-q", "--quiet"}


def _split_global_options(argv: list[str]) -> tuple[list[str], set[str], str | None]:
    """Take the global options out of ``argv`` wherever they stand (artisan allows that)."""
    rest: list[str] = []
    flags: set[str] = set()
    env = None
    iterator = iter(argv)
    for arg in iterator:
        if arg == "--":
            rest.append(arg)
            rest.extend(iterator)
            break
        if arg in _FLAGS:
            flags.add(arg)
        elif arg == "--env":
            env = next(iterator, None)
        elif arg.startswith("--env="):
            env = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, flags, env


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        from parvel.__about__ import __version__

        print(f"Parvel Framework {__version__}")
        return 0
    args, flags, env = _split_global_options(args)
    verbose = bool(flags & {"-v", "-vv", "-vvv", "--verbose"})
    if env:
        os.environ["APP_ENV"] = env
    from parvel.exceptions import ParvelError
    from parvel.support.console import Output

    output = Output(
        verbosity=int(verbose),
        interactive=not flags & {"-n", "--no-interaction"},
        quiet=bool(flags & {"-q", "--quiet"}),
    )
    try:
        return _dispatch(args, output)
    except ParvelError as error:
        if verbose:
            output.console.print_exception()
        output.error(f"ERROR  {error}")
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: list[str], output: object) -> int:
    from parvel.console.discovery import find_app_root, first_command_name, load_application
    from parvel.console.kernel import ConsoleKernel
    from parvel.support.console import Output

    assert isinstance(output, Output)
    name = first_command_name(args)
    root = find_app_root()
    app = None
    if root is not None and name not in _APP_FREE:
        from parvel.foundation.application import Application

        Application.console_mode = name != "tinker"  # tinker may serve requests in-process
        Application.register_only = name in _LISTING  # listing needs the commands, not a boot
        try:
            app = load_application(root)
        finally:
            Application.register_only = False
    kernel = ConsoleKernel(app, output)
    spec = kernel.specs.get(name or "")
    if spec is not None and spec.needs_app and app is None:
        from parvel.console.discovery import require_app_root

        require_app_root()
    return kernel.run(args)


_APP_FREE = {"new", "completion"}
_LISTING = {None, "list", "help"}


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
