"""Checked by mypy (tests/orm/test_typing.py): the ORM's public API keeps model types."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parvel.orm import Builder, Collection, Model, belongs_to, has_many, scope


class Author(Model):
    name: str

    @scope
    def named(query: Any, name: str) -> None:
        query.where("name", name)


class Article(Model):
    title: str
    published_at: datetime | None
    author = belongs_to(Author)
    notes = has_many(lambda: Note)


class Note(Model):
    body: str


async def check() -> None:
    found: Article | None = await Article.find(1)
    sure: Article = await Article.find_or_fail(1)
    title: str = sure.title
    when: datetime | None = sure.published_at
    query: Builder[Article] = Article.where("title", "x").latest().limit(3)
    many: Collection[Article] = await query.get()
    first: Article | None = await Article.where("id", 1).first()
    created: Article = await Article.create({"title": "t"})
    author: Author | None = sure.author
    notes: Collection[Note] = await sure.notes.get()
    note_query: Builder[Note] = sure.notes.where("body", "x")
    for note in sure.notes:
        body: str = note.body
        del body
    count: int = await sure.notes.count()
    every: Collection[Article] = await Article.with_("notes").get()
    named: Builder[Author] = Author.named("Ada")
    del named
    del found, title, when, many, first, created, author, notes, note_query, count, every
