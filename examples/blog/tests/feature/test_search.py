"""Feature tests for searching and filtering the post list with query strings."""

from __future__ import annotations

from parvel.testing import TestClient

from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User


async def test_q_searches_titles_and_bodies(client: TestClient, author: User) -> None:
    await Post.factory().recycle(author).create({"title": "Blade components"})
    await (
        Post.factory()
        .recycle(author)
        .create({"title": "Other", "body": "All about blade layouts."})
    )
    await Post.factory().recycle(author).create({"title": "Migrations", "body": "Schema changes."})

    response = await client.get("/posts?q=blade")

    response.assert_ok().assert_see(["Blade components", "Other"])
    response.assert_see_text("2 posts matching “blade”")
    response.assert_dont_see("Migrations")


async def test_tag_filters_and_pagination_keeps_the_query(client: TestClient, author: User) -> None:
    python = await Tag.factory().create({"name": "Python", "slug": "python"})
    for post in await Post.factory().count(11).recycle(author).create():
        await post.tags.attach(python)
    await Post.factory().recycle(author).create({"title": "Untagged post"})

    response = await client.get("/posts?tag=python")

    response.assert_ok().assert_see_text("11 posts tagged Python").assert_dont_see("Untagged post")
    response.assert_see("/posts?tag=python&amp;page=2", escape=False)
    (await client.get("/posts?tag=python&page=2")).assert_see("Showing 11 to 11 of 11 posts")


async def test_no_match_says_so(client: TestClient, author: User) -> None:
    await Post.factory().recycle(author).create()
    (await client.get("/posts?q=zzzz-nothing")).assert_ok().assert_see("No posts found.")
