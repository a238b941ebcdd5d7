"""The DatabaseSeeder fills the blog with realistic data."""

from __future__ import annotations

from typing import Any

from parvel.testing import TestClient

from app.models.comment import Comment
from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User
from database.seeders.database_seeder import DatabaseSeeder


async def test_the_seeder_writes_authors_posts_tags_and_comments(
    app: Any, client: TestClient
) -> None:
    await DatabaseSeeder(app.make("db")).invoke(silent=True)

    assert await User.count() == 5
    assert await Tag.count() == 10
    assert await Post.count() == 30
    assert await Post.where_null("published_at").count() == 3
    assert await Post.doesnt_have("tags").count() == 0
    assert await Comment.count() > 0
    post = await Post.published().with_("author", "tags").latest("published_at").first_or_fail()
    assert post.author is not None
    assert post.author.email.endswith(("@example.com", "@example.org", "@example.net"))

    page = await client.get("/posts")
    page.assert_ok().assert_see([post.title, "Showing 1 to 10 of 27 posts"])
    (await client.get_json("/api/posts")).assert_ok().assert_json({"meta": {"total": 30}})
