from __future__ import annotations

from typing import Any

from parvel import view
from parvel.http import Controller, RedirectResponse, Request, redirect

from app.http.requests.store_post_request import StorePostRequest
from app.http.requests.update_post_request import UpdatePostRequest
from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User

PER_PAGE = 10


class PostController(Controller):
    """Resource controller: the seven actions of Route.resource("posts", ...)."""

    async def index(self, request: Request) -> Any:
        """The published posts, newest first; `?q=` searches, `?tag=slug` filters."""
        term = request.string("q").strip() or None
        tag = request.string("tag").strip() or None
        posts = (
            await Post.with_("author", "tags")
            .with_count("comments")
            .published()
            .search(term)
            .tagged(tag)
            .latest("published_at")
            .paginate(PER_PAGE)
        )
        posts.with_query_string()
        tags = await Tag.order_by("name").get()
        current = tags.first(lambda t: t.slug == tag) if tag else None
        return view("posts.index", {"posts": posts, "tags": tags, "q": term, "tag": current})

    async def create(self) -> Any:
        """The form for a new post."""
        return view("posts.create", await _form_data())

    async def store(self, request: StorePostRequest) -> RedirectResponse:
        """Save a new post and its tags."""
        data = dict(request.validated())
        tag_ids = data.pop("tags", None) or []
        post = await Post.create(data)
        await post.tags.sync(tag_ids)
        return redirect().route("posts.show", post).with_("status", "Post created.")

    async def show(self, post: Post) -> Any:
        """One post with its author, tags and comments (each with its author)."""
        await post.load("author", "tags", "comments.author")
        users = await User.order_by("name").get()
        return view("posts.show", {"post": post, "users": users})

    async def edit(self, post: Post) -> Any:
        """The form for editing a post."""
        await post.load("tags")
        return view("posts.edit", {"post": post, **await _form_data()})

    async def update(self, request: UpdatePostRequest, post: Post) -> RedirectResponse:
        """Save the changes to a post."""
        data = dict(request.validated())
        tag_ids = data.pop("tags", None)
        await post.update(data)
        await post.tags.sync(tag_ids or [])
        return redirect().route("posts.show", post).with_("status", "Post updated.")

    async def destroy(self, post: Post) -> RedirectResponse:
        """Delete a post (its comments and tag links go with it)."""
        await post.delete()
        return redirect().route("posts.index").with_("status", f'Post "{post.title}" deleted.')


async def _form_data() -> dict[str, Any]:
    return {
        "users": await User.order_by("name").get(),
        "tags": await Tag.order_by("name").get(),
    }
