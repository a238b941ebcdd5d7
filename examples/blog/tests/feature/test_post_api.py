"""Feature tests for the JSON API under /api/posts."""

from __future__ import annotations

from parvel.testing import TestClient

from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User


async def test_index_is_a_paginated_json_list(client: TestClient, author: User) -> None:
    await Post.factory().count(3).recycle(author).create()

    response = await client.get_json("/api/posts?per_page=2")

    response.assert_ok().assert_json_count(2, "data")
    response.assert_json({"meta": {"per_page": 2, "total": 3, "current_page": 1, "last_page": 2}})
    response.assert_json_structure(
        {"data": {"*": ["id", "title", "slug", "author", "tags"]}, "links": ["next"], "meta": []}
    )
    response.assert_json_path("data.0.author.name", "Ada Lovelace")
    response.assert_json_missing_path("data.0.comments_count")  # not counted by this query
    assert "per_page=2" in response.json("links.next")  # the query string is kept


async def test_index_filters_by_search_and_tag(client: TestClient, author: User) -> None:
    python = await Tag.factory().create({"name": "Python", "slug": "python"})
    tagged = await Post.factory().recycle(author).create({"title": "Async Python"})
    await tagged.tags.attach(python)
    await Post.factory().recycle(author).create({"title": "Async Rust"})

    (await client.get_json("/api/posts?q=async")).assert_json_count(2, "data")
    only = await client.get_json("/api/posts?q=async&tag=python")
    only.assert_json_count(1, "data").assert_json_path("data.0.title", "Async Python")
    (await client.get_json("/api/posts?tag=nope")).assert_json_count(0, "data")


async def test_show_returns_one_post(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create({"title": "Hello"})

    response = await client.get_json(f"/api/posts/{post.slug}")

    response.assert_ok().assert_json({"data": {"id": post.id, "title": "Hello"}})
    missing = await client.get_json("/api/posts/missing")
    missing.assert_not_found().assert_json_structure(["message"])


async def test_store_creates_a_post(client: TestClient, author: User) -> None:
    tag = await Tag.factory().create()

    response = await client.post_json(
        "/api/posts",
        {
            "title": "From the API",
            "body": "Created over JSON.",
            "user_id": author.id,
            "tags": [tag.id],
        },
    )

    response.assert_created().assert_json_path("data.slug", "from-the-api")
    response.assert_json_path("data.tags.0.id", tag.id)
    assert await Post.where("slug", "from-the-api").exists()


async def test_store_answers_422_with_the_errors(client: TestClient) -> None:
    response = await client.post_json("/api/posts", {"title": "", "user_id": 999, "tags": ["x"]})

    response.assert_unprocessable().assert_json_validation_errors(
        {
            "title": "The title field is required.",
            "body": "The body field is required.",
            "user_id": "Choose an author.",
            "tags.0": "The tags.0 field must be an integer.",
        }
    )
    assert await Post.count() == 0


async def test_update_changes_only_the_fields_sent(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create({"title": "Before"})

    response = await client.put_json(f"/api/posts/{post.slug}", {"title": "After"})

    response.assert_ok().assert_json_path("data.title", "After")
    fresh = await post.fresh()
    assert fresh is not None
    assert (fresh.title, fresh.body) == ("After", post.body)

    bad = await client.patch_json(f"/api/posts/{post.slug}", {"body": "short"})
    bad.assert_unprocessable().assert_json_validation_errors(["body"])


async def test_destroy_answers_204(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create()

    (await client.delete_json(f"/api/posts/{post.slug}")).assert_no_content()
    assert await Post.count() == 0
    (await client.delete_json(f"/api/posts/{post.slug}")).assert_not_found()
