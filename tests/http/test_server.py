"""Real servers (uvicorn and granian) on 127.0.0.1 serving a Parvel app."""

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

import parvel

SRC = Path(parvel.__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_app(base: Path) -> None:
    (base / "config").mkdir()
    (base / "config" / "app.py").write_text(
        "config = {'key': 'base64:c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU='}\n"
    )
    (base / "routes").mkdir()
    (base / "routes" / "web.py").write_text(
        textwrap.dedent(
            """
            from parvel.http import Request
            from parvel.routing import Route

            async def hello(name: str, request: Request):
                return {"hello": name, "q": request.query("q")}

            Route.get("/hello/{name}", hello).name("hello")
            Route.post("/echo", lambda request: request.all())
            """
        )
    )
    (base / "serve.py").write_text(
        textwrap.dedent(
            """
            from pathlib import Path
            from parvel.foundation import Application

            app = (
                Application.configure(base_path=Path(__file__).parent)
                .with_routing(web="routes/web.py", health="/up")
                .create()
            )
            """
        )
    )


@pytest.mark.parametrize("server", ["uvicorn", "granian"])
def test_real_server(tmp_path: Path, server: str) -> None:
    write_app(tmp_path)
    port = free_port()
    if server == "uvicorn":
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "serve:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ]
    else:
        command = [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "asgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
            "serve:app",
        ]
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{tmp_path}", "APP_ENV": "testing"}
    process = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 20
        while True:
            try:
                if httpx.get(f"{base}/up", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"{server} did not start: {output}")
            time.sleep(0.1)
        response = httpx.get(f"{base}/hello/ann?q=1")
        assert response.json() == {"hello": "ann", "q": "1"}
        assert response.headers["x-request-id"]
        bad = httpx.post(
            f"{base}/echo", content=b"{nope", headers={"content-type": "application/json"}
        )
        assert bad.status_code == 400
        assert httpx.get(f"{base}/hello/%zz").status_code == 400
        assert httpx.get(f"{base}/nope").status_code == 404
        assert httpx.request("PURGE", f"{base}/up").status_code == 405
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
