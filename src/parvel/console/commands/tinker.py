"""``tinker``: an asyncio REPL with the app booted and top-level ``await``."""

from __future__ import annotations

import ast
import code
import importlib
import inspect
import sys
import types
from typing import TYPE_CHECKING, Any

from parvel.__about__ import __version__
from parvel.foundation.application import Application
from parvel.support.console import Output, command

if TYPE_CHECKING:
    import asyncio


class AsyncConsole(code.InteractiveConsole):
    """An interactive console compiling with top-level ``await`` and running on one loop."""

    def __init__(self, namespace: dict[str, Any], loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(namespace, filename="<tinker>")
        self.loop = loop
        self.compile.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT

    def runcode(self, codeobj: types.CodeType) -> None:
        """Run a compiled line; await it when it is a coroutine."""
        try:
            function = types.FunctionType(codeobj, self.locals)
            result = function()
            if inspect.iscoroutine(result):
                self.loop.run_until_complete(result)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()


def _namespace(app: Application) -> dict[str, Any]:
    import asyncio

    namespace: dict[str, Any] = {"app": app, "config": app.config, "asyncio": asyncio}
    models = app.app_path("models")
    if models.is_dir():
        for file in sorted(models.glob("*.py")):
            if file.name.startswith("_"):
                continue
            module = importlib.import_module(f"app.models.{file.stem}")
            for name, value in vars(module).items():
                if isinstance(value, type) and value.__module__ == module.__name__:
                    namespace[name] = value
    return namespace


@command("tinker")
def tinker(app: Application, out: Output) -> int:
    """Interact with your application (top-level await works)."""
    import asyncio

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    console = AsyncConsole(_namespace(app), loop)
    banner = (
        f"Parvel Tinker {__version__} on Python {sys.version.split()[0]}. "
        "`app` is the application; `await` works at the top level."
        if sys.stdin.isatty()
        else ""
    )
    if not sys.stdin.isatty():
        sys.ps1 = sys.ps2 = ""
    try:
        console.interact(banner=banner, exitmsg="")
    finally:
        loop.run_until_complete(app.terminate())
        loop.close()
    return 0
