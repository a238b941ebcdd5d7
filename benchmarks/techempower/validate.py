"""Check that an app answers each TechEmpower test correctly before it is benchmarked.

Each ``check_*`` function takes one response (status, content type, body) and returns the list
of problems found (empty when the response is right). :func:`validate` fetches every path a
test needs from a running server, including the ``queries`` clamping cases.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from benchmarks.techempower import common
from benchmarks.techempower.setup_db import FORTUNES


@dataclass(frozen=True)
class Reply:
    """What a server answered: status code, Content-Type and raw body."""

    status: int
    content_type: str
    body: bytes


Check = Callable[[Reply], list[str]]
_ROW = re.compile(r"<tr>\s*<td>([^<]*)</td>\s*<td>(.*?)</td>\s*</tr>", re.S)


def _status_and_type(reply: Reply, media_type: str) -> list[str]:
    problems = []
    if reply.status != 200:
        problems.append(f"status {reply.status}, expected 200")
    if not reply.content_type.lower().startswith(media_type):
        problems.append(f"Content-Type {reply.content_type!r}, expected {media_type}")
    return problems


def _json(reply: Reply) -> tuple[object, list[str]]:
    problems = _status_and_type(reply, "application/json")
    try:
        return json.loads(reply.body), problems
    except ValueError:
        return None, [*problems, f"body is not JSON: {reply.body[:80]!r}"]


def _world_problems(item: object) -> list[str]:
    if not isinstance(item, dict) or set(item) != {"id", "randomNumber"}:
        return [f"expected {{'id': ..., 'randomNumber': ...}}, got {item!r:.80}"]
    problems = []
    for key in ("id", "randomNumber"):
        value = item[key]
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{key} is {value!r}, expected an integer")
        elif not 1 <= value <= common.WORLD_ROWS:
            problems.append(f"{key} {value} is outside 1..{common.WORLD_ROWS}")
    return problems


def check_plaintext(reply: Reply) -> list[str]:
    """The body is exactly ``Hello, World!`` as text/plain."""
    problems = _status_and_type(reply, "text/plain")
    if reply.body != common.HELLO.encode():
        problems.append(f"body {reply.body[:80]!r}, expected {common.HELLO!r}")
    return problems


def check_json(reply: Reply) -> list[str]:
    """The body is the JSON object ``{"message": "Hello, World!"}``."""
    data, problems = _json(reply)
    if data is not None and data != {"message": common.HELLO}:
        problems.append(f"JSON {data!r:.80}, expected {{'message': {common.HELLO!r}}}")
    return problems


def check_db(reply: Reply) -> list[str]:
    """The body is one world row as ``{"id": n, "randomNumber": m}``."""
    data, problems = _json(reply)
    return problems + (_world_problems(data) if data is not None else [])


def check_worlds(count: int) -> Check:
    """A check for a JSON list of exactly ``count`` world rows (queries and updates)."""

    def check(reply: Reply) -> list[str]:
        data, problems = _json(reply)
        if data is None:
            return problems
        if not isinstance(data, list):
            return [*problems, f"expected a JSON list, got {data!r:.80}"]
        if len(data) != count:
            problems.append(f"{len(data)} rows, expected {count}")
        for item in data[:count]:
            problems.extend(_world_problems(item))
        return problems[:5]

    return check


def expected_fortunes() -> list[str]:
    """The fortune messages a correct page lists, in order."""
    return sorted([message for _, message in FORTUNES] + [common.ADDITIONAL_FORTUNE])


def check_fortunes(reply: Reply) -> list[str]:
    """An HTML table of the 12 fortunes plus the added one, sorted by message and escaped."""
    problems = _status_and_type(reply, "text/html")
    if "utf-8" not in reply.content_type.lower():
        problems.append(f"Content-Type {reply.content_type!r} does not declare utf-8")
    text = reply.body.decode("utf-8", errors="replace")
    if "<script>" in text:
        problems.append("the <script> fortune is not HTML-escaped")
    if "&lt;script&gt;" not in text:
        problems.append("the escaped &lt;script&gt; fortune is missing")
    rows = _ROW.findall(text)
    messages = [html.unescape(message) for _, message in rows]
    if messages != expected_fortunes():
        problems.append(
            f"{len(messages)} rows; messages (sorted, with the added one) do not match: "
            f"{messages[:3]!r:.160}"
        )
    ids = {html.unescape(cell) for cell, _ in rows}
    if ids != {str(i) for i in range(13)}:
        problems.append(f"ids {sorted(ids)!r:.80} are not 0..12")
    if not text.lstrip().lower().startswith("<!doctype html>"):
        problems.append("the page does not start with <!DOCTYPE html>")
    return problems


# path -> check; the clamping cases come with the queries and updates tests.
CHECKS: dict[str, list[tuple[str, Check]]] = {
    "plaintext": [("/plaintext", check_plaintext)],
    "json": [("/json", check_json)],
    "db": [("/db", check_db)],
    "queries": [
        ("/queries?queries=20", check_worlds(20)),
        ("/queries?queries=0", check_worlds(1)),
        ("/queries?queries=foo", check_worlds(1)),
        ("/queries?queries=", check_worlds(1)),
        ("/queries", check_worlds(1)),
        ("/queries?queries=501", check_worlds(500)),
    ],
    "fortunes": [("/fortunes", check_fortunes)],
    "updates": [
        ("/updates?queries=20", check_worlds(20)),
        ("/updates?queries=0", check_worlds(1)),
        ("/updates?queries=foo", check_worlds(1)),
        ("/updates?queries=501", check_worlds(500)),
    ],
}


def fetch(base_url: str, path: str, timeout: float = 10.0) -> Reply:
    """GET ``path`` from the server at ``base_url``."""
    response = httpx.get(base_url + path, timeout=timeout)
    return Reply(response.status_code, response.headers.get("content-type", ""), response.content)


def validate(base_url: str, test: str) -> list[str]:
    """Every problem found in the answers a server gives for ``test`` (empty when correct)."""
    problems = []
    for path, check in CHECKS[test]:
        try:
            reply = fetch(base_url, path)
        except httpx.HTTPError as error:
            problems.append(f"{path}: request failed: {error!r}")
            continue
        problems.extend(f"{path}: {problem}" for problem in check(reply))
    return problems
