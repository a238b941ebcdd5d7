"""Run wrk (pinned to its own core) and read requests/s and latency percentiles from its output."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.techempower.server import pinned

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_LIMIT_SCRIPT = """
local done = 0
local limit = tonumber(os.getenv("WRK_LIMIT"))
function response(status, headers, body)
  done = done + 1
  if done >= limit then os.exit(0) end
end
"""


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run measured."""

    requests_per_sec: float
    p50_ms: float | None
    p99_ms: float | None
    requests: int
    non_2xx: int
    socket_errors: int
    output: str


class WrkError(RuntimeError):
    """wrk is missing, failed, or printed something unreadable."""


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if not match:
        raise WrkError(f"unreadable latency {value!r}")
    return float(match[1]) * _UNITS[match[2]]


def parse(output: str) -> WrkResult:
    """Read wrk's ``--latency`` output."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not rate or not total:
        raise WrkError(f"no Requests/sec in wrk output:\n{output[-400:]}")
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests_per_sec=float(rate[1]),
        p50_ms=_ms(percentiles["50"]) if "50" in percentiles else None,
        p99_ms=_ms(percentiles["99"]) if "99" in percentiles else None,
        requests=int(total[1]),
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        output=output,
    )


def _wrk_command(connections: int, threads: int, duration: float) -> list[str]:
    if shutil.which("wrk") is None:
        raise WrkError("wrk is not installed (Debian: apt-get install wrk)")
    return ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(duration, 1):.0f}s"]


def run(
    url: str,
    *,
    duration: float = 10.0,
    connections: int = 64,
    threads: int = 1,
    cpu: str | None = "0",
) -> WrkResult:
    """Load ``url`` for ``duration`` seconds and parse wrk's latency report."""
    command = [*_wrk_command(connections, threads, duration), "--latency", "--timeout", "5s"]
    try:
        done = subprocess.run(
            pinned([*command, url], cpu), capture_output=True, text=True, timeout=duration + 30
        )
    except subprocess.TimeoutExpired as error:
        raise WrkError(f"wrk did not finish within {duration + 30:.0f} s") from error
    if done.returncode != 0:
        raise WrkError(f"wrk exited with {done.returncode}: {done.stderr.strip()[-400:]}")
    return parse(done.stdout)


def send(
    url: str, count: int, *, connections: int = 64, cpu: str | None = "0", timeout: float = 300
) -> float:
    """Send ``count`` requests (wrk exits at that many responses); return the seconds taken.

    Raises:
        WrkError: when the requests did not all complete within ``timeout`` seconds.
    """
    command = _wrk_command(connections, 1, timeout)
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "limit.lua"
        script.write_text(_LIMIT_SCRIPT)
        env = dict(os.environ, WRK_LIMIT=str(count))
        start = time.monotonic()
        try:
            done = subprocess.run(
                pinned([*command, "-s", str(script), url], cpu),
                capture_output=True,
                text=True,
                timeout=timeout + 30,
                env=env,
            )
        except subprocess.TimeoutExpired as error:
            raise WrkError(f"wrk did not finish within {timeout + 30:.0f} s") from error
        elapsed = time.monotonic() - start
    if done.returncode != 0:
        raise WrkError(f"wrk exited with {done.returncode}: {done.stderr.strip()[-400:]}")
    if "requests in" in done.stdout:
        raise WrkError(f"{count} requests did not complete within {timeout:.0f} s")
    return elapsed
