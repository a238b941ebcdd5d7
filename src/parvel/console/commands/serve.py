"""``parvel serve``: run the app under granian (default) or uvicorn."""

from __future__ import annotations

import errno
import os
import socket
import sys
from typing import Annotated, Literal

from parvel.foundation.application import Application
from parvel.foundation.exceptions import ApplicationError
from parvel.support.console import Option, Output, command

ASGI_TARGET = "bootstrap.app:app"


def ensure_port_free(host: str, port: int) -> None:
    """Raise a one-line error when ``host:port`` is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise ApplicationError(
                    f"Port {port} is already in use on {host}.",
                    hint=f"Stop the other server, or pick another port: parvel serve --port {port + 1}.",
                ) from None
            raise ApplicationError(f"Cannot listen on {host}:{port}: {error.strerror}.") from None


@command("serve")
def serve(
    *,
    host: Annotated[str, Option(help="The host address to serve on")] = "127.0.0.1",
    port: Annotated[int, Option(help="The port to serve on")] = 8000,
    reload: Annotated[bool, Option(help="Restart when Python files change")] = False,
    workers: Annotated[int, Option(help="Number of worker processes")] = 1,
    server: Annotated[Literal["granian", "uvicorn"], Option(help="The ASGI server")] = "granian",
    app: Application,
    out: Output,
) -> int:
    """Serve the application on the given host and port."""
    if workers < 1:
        raise ApplicationError("--workers must be at least 1.")
    ensure_port_free(host, port)
    base = str(app.base_path())
    os.chdir(base)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (base, os.environ.get("PYTHONPATH", "")) if p
    )
    if base not in sys.path:
        sys.path.insert(0, base)
    out.info(f"   INFO  Server running on [http://{host}:{port}] ({server}, {workers} worker(s)).")
    out.comment("  Press Ctrl+C to stop the server")
    if server == "uvicorn":
        return _uvicorn(host, port, reload, workers)
    return _granian(host, port, reload, workers)


def _granian(host: str, port: int, reload: bool, workers: int) -> int:
    from granian import Granian
    from granian.constants import Interfaces

    Granian(
        ASGI_TARGET,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        reload=reload,
        log_access=False,
    ).serve()
    return 0


def _uvicorn(host: str, port: int, reload: bool, workers: int) -> int:
    try:
        import uvicorn
    except ImportError:
        raise ApplicationError(
            "uvicorn is not installed.", hint="Install it with `pip install parvel[uvicorn]`."
        ) from None
    uvicorn.run(ASGI_TARGET, host=host, port=port, reload=reload, workers=workers, log_level="info")
    return 0
