"""LiveServer: the app served on a free 127.0.0.1 port in a child process (for browser tests)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """Runs ``target`` (``module:attribute`` of an ASGI app) under granian in ``cwd``.

    Use as a context manager or call :meth:`start` / :meth:`stop`::

        with LiveServer("bootstrap.app:app", cwd=app_root) as server:
            httpx.get(server.url + "/up")
    """

    def __init__(
        self,
        target: str = "bootstrap.app:app",
        cwd: str | Path = ".",
        *,
        env: dict[str, str] | None = None,
        startup_timeout: float = 20.0,
    ) -> None:
        self.target = target
        self.cwd = Path(cwd)
        self.port = free_port()
        self.env = env or {}
        self.startup_timeout = startup_timeout
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's base URL (no trailing slash)."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        """Start the server and wait until it accepts connections."""
        env = {**os.environ, "APP_ENV": os.environ.get("APP_ENV", "testing"), **self.env}
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(self.cwd), env.get("PYTHONPATH", "")) if p
        )
        command = [
            sys.executable, "-m", "granian", "--interface", "asgi", "--host", "127.0.0.1",
            "--port", str(self.port), "--workers", "1", "--no-ws", self.target,
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command,
            cwd=self.cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                error = self._process.stderr.read().decode() if self._process.stderr else ""
                raise RuntimeError(f"The live server exited during start-up:\n{error[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(
            f"The live server did not answer on {self.url} within {self.startup_timeout}s."
        )

    def stop(self) -> None:
        """Stop the server and its workers."""
        process = self._process
        if process is None:
            return
        self._process = None
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process.stderr is not None:
            process.stderr.close()

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
