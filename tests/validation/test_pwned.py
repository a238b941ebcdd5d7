"""PwnedPasswords against a small real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from typing import Any

import pytest

from parvel.validation import Password
from parvel.validation.pwned import PwnedPasswords

LEAKED = "password123"


def _range_body(prefix: str) -> str:
    digest = hashlib.sha1(LEAKED.encode(), usedforsecurity=False).hexdigest().upper()
    lines = ["0018A45C4D1DEF81644B54AB7F969B88D65:1", "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2"]
    if digest.startswith(prefix):
        lines.append(f"{digest[5:]}:3861493")
    return "\r\n".join(lines)


@pytest.fixture
async def pwned_server() -> AsyncIterator[tuple[str, list[str]]]:
    requests: list[str] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        path = head.split(b" ")[1].decode()
        requests.append(path)
        body = _range_body(path.rsplit("/", 1)[-1]).encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", requests
    server.close()
    await server.wait_closed()


async def test_counts_breaches_with_k_anonymity(pwned_server: tuple[str, list[str]]) -> None:
    base, requests = pwned_server
    checker = PwnedPasswords(base)
    assert await checker(LEAKED) == 3861493
    assert await checker("a much better passphrase") == 0
    assert all(path.startswith("/range/") and len(path) == len("/range/") + 5 for path in requests)


async def test_unreachable_service_passes() -> None:
    assert await PwnedPasswords("http://127.0.0.1:9", timeout=2.0)(LEAKED) == 0


async def test_uncompromised_rule(pwned_server: tuple[str, list[str]], check: Any) -> None:
    base, requests = pwned_server
    Password.set_breach_checker(PwnedPasswords(base))
    try:
        rule = Password.min(8).uncompromised()
        errors = await check({"password": LEAKED}, {"password": [rule]})
        assert errors == {
            "password": [
                "The given password has appeared in a data leak. Please choose a different password."
            ]
        }
        assert await check({"password": "correct horse battery"}, {"password": [rule]}) == {}
        tolerant = Password.min(8).uncompromised(threshold=5_000_000)
        assert await check({"password": LEAKED}, {"password": [tolerant]}) == {}
        calls = len(requests)
        assert await check({"password": "short"}, {"password": [rule]}) != {}
        assert len(requests) == calls  # other failures skip the network check
    finally:
        Password.set_breach_checker(None)


async def test_custom_breach_checker(check: Any) -> None:
    async def seen(password: str) -> int:
        return 1 if password == "hunter22" else 0

    Password.set_breach_checker(seen)
    try:
        assert await check({"p": "hunter22"}, {"p": [Password.min(6).uncompromised()]}) != {}
        assert await check({"p": "hunter23"}, {"p": [Password.min(6).uncompromised()]}) == {}
    finally:
        Password.set_breach_checker(None)
