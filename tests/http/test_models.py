"""Models over HTTP: JSON responses, pagination from the query string, route model binding."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

import pytest

from parvel.orm import Model, SoftDeletes


class Article(SoftDeletes, Model):
    title: str
    slug: str
    created_at: datetime | None
    updated_at: datetime | None
    deleted_at: datetime | None
    fillable: ClassVar[list[str]] = ["title", "slug"]


def routes(router: Any) -> None:
    async def index() -> Any:
        return await Article.order_by("id").paginate(2)

    async def show(article: Article) -> Article:
        return article

    async def by_slug(article: Article) -> dict[str, Any]:
        return {"title": article.title}

    router.get("/articles", index)
    router.get("/articles/{article}", show)
    router.get("/by-slug/{article:slug}", by_slug)
    router.get("/trashed/{article}", show).with_trashed()


@pytest.fixture
async def app(make_app: Any, tmp_path: Any) -> Any:
    application = make_app(
        api_routes=routes,
        config={
            "database": {
                "default": "sqlite",
                "connections": {
                    "sqlite": {"driver": "sqlite", "database": str(tmp_path / "db.sqlite")}
                },
            }
        },
    )
    async with application.make("db.schema").create("articles") as table:
        table.id()
        table.string("title")
        table.string("slug")
        table.timestamps()
        table.soft_deletes()
    for number in range(1, 6):
        await Article.create({"title": f"Post {number}", "slug": f"post-{number}"})
    yield application
    await application.terminate()


async def test_a_paginator_reads_the_page_from_the_query_string(app: Any, client: Any) -> None:
    async with client(app) as http:
        response = await http.get("/api/articles?page=2")
        assert response.status_code == 200, response.text[:2000]
        page = response.json()
    assert [item["title"] for item in page["data"]] == ["Post 3", "Post 4"]
    assert page["current_page"] == 2
    assert page["total"] == 5
    assert page["last_page"] == 3
    assert page["next_page_url"] == "http://testserver/api/articles?page=3"


async def test_route_model_binding_by_key_and_by_slug(app: Any, client: Any) -> None:
    async with client(app) as http:
        shown = await http.get("/api/articles/3")
        assert shown.status_code == 200
        assert shown.json()["title"] == "Post 3"
        assert (await http.get("/api/by-slug/post-4")).json() == {"title": "Post 4"}
        assert (await http.get("/api/articles/99")).status_code == 404
        assert (await http.get("/api/articles/not-a-number")).status_code == 404


async def test_soft_deleted_models_only_bind_with_trashed(app: Any, client: Any) -> None:
    article = await Article.find(2)
    assert article is not None
    await article.delete()
    async with client(app) as http:
        assert (await http.get("/api/articles/2")).status_code == 404
        assert (await http.get("/api/trashed/2")).json()["title"] == "Post 2"
