"""Feature tests for comments under a post."""

from __future__ import annotations

from parvel.testing import TestClient

from app.models.post import Post
from app.models.user import User


async def test_a_comment_is_added_under_the_post(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create()
    reader = await User.factory().create({"name": "Grace Hopper"})

    response = await client.post(
        f"/posts/{post.slug}/comments", data={"user_id": str(reader.id), "body": "Great read!"}
    )

    response.assert_redirect(f"/posts/{post.slug}")
    assert await post.comments.where("user_id", reader.id).count() == 1
    page = await client.get(f"/posts/{post.slug}")
    page.assert_see(["Comment added.", "Great read!", "Grace Hopper", "1 comment"])


async def test_an_empty_comment_is_refused_with_old_input(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create()
    page = f"/posts/{post.slug}"

    response = await client.from_(page).post(f"{page}/comments", data={"user_id": "", "body": "x"})

    response.assert_redirect(page)
    assert await post.comments.count() == 0
    again = await client.get(page)
    again.assert_see(["Choose who is commenting.", "The body field must be at least 2 characters."])
    again.assert_see(">x</textarea>", escape=False)


async def test_comments_on_a_missing_post_are_a_404(client: TestClient, author: User) -> None:
    response = await client.post(
        "/posts/nope/comments", data={"user_id": str(author.id), "body": "Hi"}
    )
    response.assert_not_found()
