"""Feature tests for the posts' web pages: list, show, create, edit, delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from parvel.support import clock
from parvel.testing import TestClient

from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User
from database.factories.post_factory import PostFactory


async def test_the_home_page_redirects_to_the_posts(client: TestClient) -> None:
    (await client.get("/")).assert_redirect("/posts")


async def test_the_index_lists_published_posts_newest_first(
    client: TestClient, author: User
) -> None:
    now = clock.now()
    await (
        Post.factory()
        .recycle(author)
        .create({"title": "Older", "published_at": now - timedelta(days=2)})
    )
    await (
        Post.factory()
        .recycle(author)
        .create({"title": "Newer", "published_at": now - timedelta(days=1)})
    )
    await PostFactory().draft().recycle(author).create({"title": "Secret draft"})

    response = await client.get("/posts")

    response.assert_ok().assert_see_in_order(["Newer", "Older"]).assert_see("Ada Lovelace")
    response.assert_dont_see("Secret draft")


async def test_the_index_paginates(client: TestClient, author: User) -> None:
    await Post.factory().count(12).recycle(author).create()

    first = await client.get("/posts")
    first.assert_ok().assert_see("Showing 1 to 10 of 12 posts").assert_see(
        'rel="next"', escape=False
    )

    second = await client.get("/posts?page=2")
    second.assert_ok().assert_see("Showing 11 to 12 of 12 posts")


async def test_show_displays_the_post_tags_and_comments(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create({"title": "Hello <world>"})
    tag = await Tag.factory().create({"name": "Python", "slug": "python"})
    await post.tags.attach(tag)
    await post.comments.create({"user_id": author.id, "body": "First!"})

    response = await client.get(f"/posts/{post.slug}")

    response.assert_ok().assert_see(["Hello <world>", "Python", "First!", "1 comment"])


async def test_an_unknown_post_is_a_404(client: TestClient) -> None:
    (await client.get("/posts/no-such-post")).assert_not_found()


async def test_the_create_form_has_csrf_and_the_components(
    client: TestClient, author: User
) -> None:
    response = await client.get("/posts/create")
    response.assert_ok().assert_see(['name="_token"', 'name="title"', "Ada Lovelace"], escape=False)


async def test_store_creates_a_post_with_tags_and_flashes_a_status(
    client: TestClient, author: User
) -> None:
    tags = await Tag.factory().count(2).create()
    response = await client.post(
        "/posts",
        data={
            "title": "My first post",
            "body": "A body that is long enough.",
            "user_id": str(author.id),
            "published_at": "2024-05-01T10:00",
            "tags[]": [str(tag.id) for tag in tags],
        },
    )

    response.assert_redirect("/posts/my-first-post")
    post = await Post.with_("tags").where("slug", "my-first-post").first_or_fail()
    assert post.title == "My first post"
    assert post.user_id == author.id
    assert sorted(t.id for t in post.tags) == sorted(t.id for t in tags)
    assert post.published_at == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)

    page = await client.get("/posts/my-first-post")
    page.assert_ok().assert_see("Post created.")
    (await client.get("/posts/my-first-post")).assert_dont_see("Post created.")


async def test_store_with_bad_input_redirects_back_with_errors_and_old_input(
    client: TestClient, author: User
) -> None:
    tag = await Tag.factory().create()
    response = await client.from_("/posts/create").post(
        "/posts",
        data={"title": "", "body": "Kept body text", "user_id": "", "tags[]": [str(tag.id)]},
    )

    response.assert_redirect("/posts/create")
    assert await Post.count() == 0

    form = await client.get("/posts/create")
    form.assert_see(["The title field is required.", "Choose an author.", "Kept body text"])
    form.assert_see('class="is-invalid"', escape=False)
    form.assert_see(f'value="{tag.id}" checked', escape=False)


async def test_the_slug_must_be_unique(client: TestClient, author: User) -> None:
    await Post.factory().recycle(author).create({"slug": "taken"})
    response = await client.from_("/posts/create").post(
        "/posts",
        data={
            "title": "Other",
            "slug": "taken",
            "body": "Long enough body.",
            "user_id": str(author.id),
        },
    )
    response.assert_redirect("/posts/create")
    (await client.get("/posts/create")).assert_see("The slug has already been taken.")


async def test_update_changes_the_post_and_its_tags(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create({"title": "Before"})
    old_tag, new_tag = await Tag.factory().count(2).create()
    await post.tags.attach(old_tag)

    (await client.get(f"/posts/{post.slug}/edit")).assert_ok().assert_see(
        ["Before", "Delete this post"]
    )
    response = await client.put(
        f"/posts/{post.slug}",
        data={"title": "After", "slug": post.slug, "body": post.body, "tags[]": [str(new_tag.id)]},
    )

    response.assert_redirect(f"/posts/{post.slug}")
    fresh = await Post.with_("tags").find_or_fail(post.id)
    assert fresh.title == "After"
    assert [t.id for t in fresh.tags] == [new_tag.id]


async def test_update_keeps_the_own_slug_but_refuses_another_posts(
    client: TestClient, author: User
) -> None:
    post = await Post.factory().recycle(author).create()
    other = await Post.factory().recycle(author).create()
    edit = f"/posts/{post.slug}/edit"
    ok = await client.from_(edit).put(f"/posts/{post.slug}", data={"slug": post.slug})
    ok.assert_redirect(f"/posts/{post.slug}")
    taken = await client.from_(edit).put(f"/posts/{post.slug}", data={"slug": other.slug})
    taken.assert_redirect(edit)
    (await client.get(edit)).assert_see("The slug has already been taken.")


async def test_destroy_deletes_the_post_and_its_comments(client: TestClient, author: User) -> None:
    post = await Post.factory().recycle(author).create({"title": "Doomed"})
    await post.comments.create({"user_id": author.id, "body": "Bye"})

    response = await client.delete(f"/posts/{post.slug}")

    response.assert_redirect("/posts")
    assert await Post.find(post.id) is None
    assert await post.comments.count() == 0
    (await client.get("/posts")).assert_see('Post "Doomed" deleted.')
