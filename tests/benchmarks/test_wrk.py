"""wrk's output is read correctly (no wrk process is started here)."""

from __future__ import annotations

import pytest
from benchmarks.techempower import wrk

OUTPUT = """Running 10s test @ http://127.0.0.1:8000/json
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.53ms  812.00us  15.00ms   90.00%
    Req/Sec    14.12k   500.00    15.00k    70.00%
  Latency Distribution
     50%    4.40ms
     75%    4.80ms
     90%    5.20ms
     99%    1.20s
  140512 requests in 10.00s, 20.50MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  14051.20
Transfer/sec:      2.05MB
"""


def test_parse_reads_rate_latency_and_errors() -> None:
    result = wrk.parse(OUTPUT)
    assert result.requests_per_sec == pytest.approx(14051.2)
    assert result.p50_ms == pytest.approx(4.4)
    assert result.p99_ms == pytest.approx(1200.0)
    assert result.requests == 140512
    assert result.non_2xx == 7
    assert result.socket_errors == 5


def test_parse_microseconds_and_clean_runs() -> None:
    clean = OUTPUT.replace("1.20s", "900.00us").replace("  Non-2xx or 3xx responses: 7\n", "")
    clean = clean.replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", "")
    result = wrk.parse(clean)
    assert result.p99_ms == pytest.approx(0.9)
    assert (result.non_2xx, result.socket_errors) == (0, 0)


def test_parse_rejects_unreadable_output() -> None:
    with pytest.raises(wrk.WrkError):
        wrk.parse("wrk: connection refused")
