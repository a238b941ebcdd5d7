"""mypy must reject these lines (tests/orm/test_typing.py expects one error per line marked)."""

from __future__ import annotations

from typing import Any

from parvel.orm import Model, scope


class Article(Model):
    title: str

    @scope
    def titled(query: Any, title: str) -> None:
        query.where("title", title)


async def check() -> None:
    sure = await Article.find_or_fail(1)
    wrong: int = sure.title  # error: str is not int
    typo = sure.titel  # error: no such attribute
    Article.titled(3)  # error: a scope's arguments are checked
    del wrong, typo
