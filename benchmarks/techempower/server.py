"""Start one framework's app under granian (or uvicorn), pinned to a core, and stop it cleanly.

The server runs in its own process group so :meth:`Server.stop` ends it and every worker it
spawned, whatever happens to the benchmark. A framework with its own virtual environment
(``Framework.venv``) is served by that environment's Python and granian.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from benchmarks.techempower import common
from benchmarks.techempower.frameworks import Framework

ROOT = Path(__file__).resolve().parents[2]
SERVERS = ("granian", "uvicorn")


class ServerError(RuntimeError):
    """A server did not start, or died while starting."""


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so ``finally`` blocks stop every server started so far."""

    def _exit(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _exit)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def pinned(command: list[str], cpu: str | None) -> list[str]:
    """``command`` run under ``taskset -c cpu`` when a core is given and taskset exists."""
    if cpu is None or shutil.which("taskset") is None:
        return command
    return ["taskset", "-c", cpu, *command]


def server_command(framework: Framework, server: str, port: int) -> list[str]:
    """The command line serving ``framework`` with one worker on 127.0.0.1:``port``.

    A WSGI app gets ``framework.threads`` threads, by default one per pool connection.
    """
    python = framework.python  # the framework's own venv, if it has one
    if server == "granian":
        command = [python, "-m", "granian", "--interface", framework.interface]
        command += ["--workers", "1", "--host", "127.0.0.1", "--port", str(port), "--no-ws"]
        command += ["--log-level", "warning"]
        if framework.interface == "wsgi":
            command += ["--blocking-threads", str(framework.threads or common.POOL_SIZE)]
        return [*command, framework.target]
    if server == "uvicorn":
        interface = "wsgi" if framework.interface == "wsgi" else "asgi3"
        command = [python, "-m", "uvicorn", framework.target, "--interface", interface]
        if framework.interface == "asginl":
            command += ["--lifespan", "off"]
        command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
        return [*command, "--no-access-log", "--log-level", "warning"]
    raise ValueError(f"unknown server {server!r}; use one of {', '.join(SERVERS)}")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in task.read_text().split()]
    return found


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, grandchildren, ...)."""
    result, queue = [], [pid]
    while queue:
        for child in _children(queue.pop()):
            result.append(child)
            queue.append(child)
    return result


def rss_kib(pid: int) -> int:
    """Resident memory of one process in KiB (VmRSS from /proc), 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Server:
    """A running server: its process (group leader), base URL and log file."""

    framework: Framework
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def worker_pid(self) -> int:
        """The process that runs the app: the biggest descendant, else the server itself."""
        pids = descendants(self.process.pid)
        return max(pids, key=rss_kib) if pids else self.process.pid

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Block until the app answers HTTP, or raise :class:`ServerError`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(
                    f"{self.framework.name} exited with {self.process.returncode}:\n"
                    + self.log_tail()
                )
            try:
                httpx.get(self.base_url + "/plaintext", timeout=2.0)
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise ServerError(f"{self.framework.name} did not answer in {timeout:.0f} s")

    def stop(self) -> None:
        """End the whole process group: SIGINT, then SIGKILL after 10 s."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        # Workers left behind by a crashed master share the group: end them too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)


def start(
    framework: Framework,
    *,
    server: str = "granian",
    cpu: str | None = "1",
    port: int | None = None,
    log_dir: Path | None = None,
) -> Server:
    """Start ``framework`` (not yet ready: call :meth:`Server.wait_ready`)."""
    port = port or free_port()
    folder = log_dir or Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"{framework.name}-{server}-{port}.log"
    env = dict(os.environ, **framework.env)
    paths = [str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    with log.open("wb") as out:
        process = subprocess.Popen(
            pinned(server_command(framework, server, port), cpu),
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Server(framework, process, f"http://127.0.0.1:{port}", log)


@contextlib.contextmanager
def running(framework: Framework, **options: object) -> Iterator[Server]:
    """Serve ``framework`` for the duration of the block; always stopped afterwards."""
    server = start(framework, **options)  # type: ignore[arg-type]
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()
