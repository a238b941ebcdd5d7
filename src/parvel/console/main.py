"""The ``parvel`` command: entry point of the console script and ``python -m parvel``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _global_option(argv: list[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        from parvel.__about__ import __version__

        print(f"Parvel Framework {__version__}")
        return 0
    verbose = any(a in ("-v", "-vv", "-vvv", "--verbose") for a in args)
    env = _global_option(args, "--env")
    if env:
        os.environ["APP_ENV"] = env
    from parvel.exceptions import ParvelError
    from parvel.support.console import Output

    output = Output(
        verbosity=int(verbose), interactive="-n" not in args and "--no-interaction" not in args
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
        app = load_application(root)
    kernel = ConsoleKernel(app, output)
    spec = kernel.specs.get(name or "")
    if spec is not None and spec.needs_app and app is None:
        from parvel.console.discovery import require_app_root

        require_app_root()
    return kernel.run(args)


_APP_FREE = {"new", "completion"}


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
