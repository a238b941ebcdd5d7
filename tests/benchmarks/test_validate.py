"""The response checks catch wrong implementations, so none is benchmarked silently."""

from __future__ import annotations

import html
import json

import pytest
from benchmarks.techempower import validate
from benchmarks.techempower.validate import Reply

HTML = "text/html; charset=utf-8"


def _json(data: object, content_type: str = "application/json") -> Reply:
    return Reply(200, content_type, json.dumps(data).encode())


def _page(messages: list[str], escape: bool = True, ids: list[int] | None = None) -> Reply:
    ids = ids if ids is not None else list(range(len(messages)))
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape(m) if escape else m}</td></tr>"
        for i, m in zip(ids, messages, strict=True)
    )
    body = f"<!DOCTYPE html><html><body><table>{rows}</table></body></html>"
    return Reply(200, HTML, body.encode())


def test_plaintext_accepts_the_exact_body_only() -> None:
    assert validate.check_plaintext(Reply(200, "text/plain", b"Hello, World!")) == []
    assert validate.check_plaintext(Reply(200, "text/plain", b"Hello World")) != []
    assert validate.check_plaintext(Reply(200, "text/html", b"Hello, World!")) != []
    assert validate.check_plaintext(Reply(500, "text/plain", b"Hello, World!")) != []


def test_json_checks_body_and_content_type() -> None:
    assert validate.check_json(_json({"message": "Hello, World!"})) == []
    assert validate.check_json(_json({"message": "hi"})) != []
    assert validate.check_json(_json({"message": "Hello, World!"}, "text/plain")) != []
    assert validate.check_json(Reply(200, "application/json", b"not json")) != []


def test_db_row_shape() -> None:
    assert validate.check_db(_json({"id": 3, "randomNumber": 9})) == []
    assert validate.check_db(_json({"id": 3, "randomnumber": 9})) != []
    assert validate.check_db(_json({"id": 0, "randomNumber": 9})) != []
    assert validate.check_db(_json({"id": "3", "randomNumber": 9})) != []
    assert validate.check_db(_json([{"id": 3, "randomNumber": 9}])) != []


def test_world_lists_need_the_exact_count() -> None:
    rows = [{"id": i, "randomNumber": 5} for i in range(1, 21)]
    assert validate.check_worlds(20)(_json(rows)) == []
    assert validate.check_worlds(20)(_json(rows[:19])) != []
    assert validate.check_worlds(1)(_json(rows[0])) != []


def test_a_correct_fortunes_page_passes() -> None:
    assert validate.check_fortunes(_page(validate.expected_fortunes())) == []


def test_fortunes_unescaped_script_is_caught() -> None:
    problems = validate.check_fortunes(_page(validate.expected_fortunes(), escape=False))
    assert any("escaped" in problem for problem in problems)


def test_fortunes_unsorted_or_missing_added_row_is_caught() -> None:
    messages = validate.expected_fortunes()
    assert validate.check_fortunes(_page(list(reversed(messages)))) != []
    without_added = [m for m in messages if not m.startswith("Additional")]
    assert validate.check_fortunes(_page(without_added)) != []


def test_fortunes_needs_utf8_html() -> None:
    page = _page(validate.expected_fortunes())
    assert validate.check_fortunes(Reply(200, "text/html", page.body)) != []
    assert validate.check_fortunes(Reply(200, "text/plain; charset=utf-8", page.body)) != []


@pytest.mark.parametrize("test", ["plaintext", "json", "db", "queries", "fortunes", "updates"])
def test_every_test_has_checks(test: str) -> None:
    assert validate.CHECKS[test]


def test_validate_reports_an_unreachable_server() -> None:
    from benchmarks.techempower.server import free_port

    problems = validate.validate(f"http://127.0.0.1:{free_port()}", "json")
    assert problems
    assert "request failed" in problems[0]
