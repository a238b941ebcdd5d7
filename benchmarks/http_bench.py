"""HTTP benchmark: Parvel's full stack against raw Starlette, FastAPI and Litestar.

Each app serves ``/plaintext`` and ``/json`` and runs under granian and uvicorn (one worker
pinned to one core with ``taskset``); wrk runs pinned to another core. One run, same machine,
every peer measured back to back. Then a route-lookup micro-benchmark: 1,000 vs 10 routes.

    python benchmarks/http_bench.py                 # about 2 minutes
    python benchmarks/http_bench.py --duration 10 --warmup 5 --servers granian

Needs wrk on PATH and fastapi + litestar installed (benchmark-only dependencies).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SERVERS_DIR = HERE / "servers"
SRC = HERE.parent / "src"
PATHS = ("/plaintext", "/json")
APPS = {
    "parvel": "parvel_app:app",
    "starlette": "starlette_app:app",
    "fastapi": "fastapi_app:app",
    "litestar": "litestar_app:app",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(port: int, path: str, timeout: float = 20.0) -> None:
    deadline = time.time() + timeout
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(request)
                if sock.recv(16).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not become ready")


def server_command(server: str, target: str, port: int, core: str) -> list[str]:
    pin = ["taskset", "-c", core] if shutil.which("taskset") else []
    if server == "granian":
        return [
            *pin,
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "asgi",
            "--workers",
            "1",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-ws",
            "--log-level",
            "warning",
            target,
        ]
    return [
        *pin,
        sys.executable,
        "-m",
        "uvicorn",
        target,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        "--log-level",
        "warning",
        "--no-access-log",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
    ]


def run_wrk(port: int, path: str, seconds: int, connections: int, core: str) -> tuple[float, str]:
    pin = ["taskset", "-c", core] if shutil.which("taskset") else []
    out = subprocess.run(
        [
            *pin,
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{errors.group(1)} error responses on {path}")
    return rps, p99.group(1) if p99 else "?"


def bench_http(
    servers: list[str], duration: int, warmup: int, connections: int, rounds: int
) -> None:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{SERVERS_DIR}", "APP_ENV": "production"}
    server_core, client_core = ("1", "0") if (os.cpu_count() or 1) > 1 else ("0", "0")
    print(
        f"\n## HTTP: wrk -t1 -c{connections}, {warmup}s warmup, best of {rounds} rounds of "
        f"{duration}s (apps interleaved), server on core {server_core}, wrk on core "
        f"{client_core}\n"
    )
    for server in servers:
        ports = {name: free_port() for name in APPS}
        processes = [
            subprocess.Popen(
                server_command(server, target, ports[name], server_core),
                cwd=SERVERS_DIR,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for name, target in APPS.items()
        ]
        results: dict[tuple[str, str], tuple[float, str]] = {}
        try:
            for name in APPS:
                wait_ready(ports[name], "/plaintext")
                for path in PATHS:
                    run_wrk(ports[name], path, warmup, connections, client_core)
            for _ in range(rounds):
                for path in PATHS:
                    for name in APPS:
                        rps, p99 = run_wrk(ports[name], path, duration, connections, client_core)
                        if rps > results.get((name, path), (0.0, ""))[0]:
                            results[(name, path)] = (rps, p99)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        print(f"### {server}\n")
        print("| app | endpoint | req/s | p99 | × starlette |")
        print("|---|---|---:|---:|---:|")
        for path in PATHS:
            base = results[("starlette", path)][0]
            for name in APPS:
                rps, p99 = results[(name, path)]
                print(f"| {name} | {path} | {rps:,.0f} | {p99} | {rps / base:.2f} |")
        print()


def bench_lookup(rounds: int = 7, number: int = 50_000) -> None:
    sys.path.insert(0, str(SRC))
    from parvel.routing import Router

    def build(count: int) -> Any:
        router = Router()
        for i in range(count // 2):
            router.get(f"/section{i}/items", lambda: None)
            router.get(f"/section{i}/items/{{item}}/comments/{{comment}}", lambda: None)
        return router.compile()

    compiled = {count: build(count) for count in (10, 1000)}
    paths = {
        count: (f"/section{count // 2 - 1}/items", f"/section{count // 2 - 1}/items/42/comments/7")
        for count in compiled
    }
    for count, routes in compiled.items():
        assert routes.match("GET", paths[count][1]) is not None
    best: dict[tuple[int, int], float] = {}
    for _ in range(rounds):  # interleaved, best of N: robust against a busy machine
        for count, routes in compiled.items():
            for kind, path in enumerate(paths[count]):
                match = routes.match
                started = time.process_time()
                for _ in range(number):
                    match("GET", path)
                elapsed = (time.process_time() - started) / number * 1e6
                best[(count, kind)] = min(best.get((count, kind), float("inf")), elapsed)
    print("## Route lookup (matching only, µs per lookup, best of interleaved rounds)\n")
    print("| routes | static path | 2-parameter path |")
    print("|---:|---:|---:|")
    for count in compiled:
        print(f"| {count:,} | {best[(count, 0)]:.3f} | {best[(count, 1)]:.3f} |")
    print(
        f"\n1,000 vs 10 routes: static ×{best[(1000, 0)] / best[(10, 0)]:.2f}, "
        f"parameters ×{best[(1000, 1)] / best[(10, 1)]:.2f}\n"
    )


def bench_in_process(rounds: int = 5, number: int = 2000) -> None:
    """CPU time per request calling each ASGI app directly (no server, no sockets).

    Measured with ``time.process_time`` and interleaved best-of rounds, so it is stable on a
    busy machine; it isolates framework overhead from the server's.
    """
    import asyncio
    import importlib

    sys.path[:0] = [str(SRC), str(SERVERS_DIR)]
    os.environ.setdefault("APP_ENV", "production")
    apps = {
        name: importlib.import_module(target.split(":")[0]).app for name, target in APPS.items()
    }

    def scope(path: str) -> dict[str, Any]:
        return {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "client": ("127.0.0.1", 5000),
            "server": ("127.0.0.1", 8000),
            "headers": [(b"host", b"127.0.0.1:8000"), (b"user-agent", b"wrk"), (b"accept", b"*/*")],
        }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    async def run() -> dict[tuple[str, str], float]:
        best: dict[tuple[str, str], float] = {}
        for _ in range(rounds):
            for name, app in apps.items():
                for path in PATHS:
                    started = time.process_time()
                    for _ in range(number):
                        await app(scope(path), receive, send)
                    elapsed = (time.process_time() - started) / number * 1e6
                    best[(name, path)] = min(best.get((name, path), float("inf")), elapsed)
        return best

    best = asyncio.run(run())
    print("## Framework overhead in-process (CPU µs per request, lower is better)\n")
    print("| app | /plaintext | × starlette | /json | × starlette |")
    print("|---|---:|---:|---:|---:|")
    for name in APPS:
        cells = []
        for path in PATHS:
            value = best[(name, path)]
            cells += [f"{value:.1f}", f"{best[('starlette', path)] / value:.2f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--servers", default="granian,uvicorn")
    parser.add_argument("--skip-http", action="store_true")
    args = parser.parse_args()
    bench_lookup()
    bench_in_process()
    if not args.skip_http:
        if shutil.which("wrk") is None:
            sys.exit("wrk is not installed (apt-get install wrk)")
        bench_http(
            args.servers.split(","), args.duration, args.warmup, args.connections, args.rounds
        )


if __name__ == "__main__":
    main()
