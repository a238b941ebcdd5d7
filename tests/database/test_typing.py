"""The builder's public typing, checked by mypy (strict) on a small program."""

import textwrap
from pathlib import Path

import pytest
from mypy import api

PROGRAM = textwrap.dedent(
    """
    from typing import Any, assert_type

    from parvel.database import Builder, Connection, DatabaseManager, LengthAwarePaginator

    async def main(db: DatabaseManager) -> None:
        conn = db.connection("pgsql")
        assert_type(conn, Connection)
        query = db.table("users").where("votes", ">", 1).or_where("name", "Ann").order_by("id").limit(5)
        assert_type(query, Builder)
        assert_type(await query.get(), list[dict[str, Any]])
        assert_type(await query.first(), dict[str, Any] | None)
        assert_type(await query.count(), int)
        assert_type(await query.exists(), bool)
        assert_type(await query.update({"votes": 2}), int)
        assert_type(await db.select("select 1"), list[dict[str, Any]])
        assert_type(await query.paginate(10), LengthAwarePaginator)
        async with db.transaction():
            pass
        async for row in query.cursor():
            assert_type(row, dict[str, Any])
    """
)


def check(program: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    source = tmp_path / "program.py"
    source.write_text(program)
    monkeypatch.setenv("MYPYPATH", str(Path(__file__).resolve().parents[2] / "src"))
    out, err, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "--python-version",
            "3.11",
            "--config-file",
            "",
            str(source),
        ]
    )
    return out + err, status


def test_builder_typing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output, status = check(PROGRAM, tmp_path, monkeypatch)
    assert status == 0, output


def test_wrong_types_are_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = PROGRAM.replace(
        "assert_type(await query.count(), int)", "assert_type(await query.count(), str)"
    )
    output, status = check(wrong, tmp_path, monkeypatch)
    assert status == 1
    assert "[assert-type]" in output
