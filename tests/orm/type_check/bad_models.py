"""mypy must reject these lines (tests/orm/test_typing.py expects one error per line marked)."""

from __future__ import annotations

from parvel.orm import Model


class Article(Model):
    title: str


async def check() -> None:
    sure = await Article.find_or_fail(1)
    wrong: int = sure.title  # error: str is not int
    typo = sure.titel  # error: no such attribute
    del wrong, typo
