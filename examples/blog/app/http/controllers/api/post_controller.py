from __future__ import annotations

from typing import Any

from parvel.http import Controller, Request, Response, response

from app.http.requests.store_post_request import StorePostRequest
from app.http.requests.update_post_request import UpdatePostRequest
from app.http.resources.post_resource import PostResource
from app.models.post import Post


class PostController(Controller):
    """API resource controller: the five actions of Route.api_resource("posts", ...)."""

    async def index(self, request: Request) -> Any:
        """A page of posts as JSON; `?q=`, `?tag=` and `?per_page=` (1-100) as on the web."""
        per_page = min(max(request.integer("per_page", 15), 1), 100)
        term = request.string("q").strip() or None
        tag = request.string("tag").strip() or None
        posts = (
            await Post.with_("author", "tags")
            .search(term)
            .tagged(tag)
            .latest("id")
            .paginate(per_page)
        )
        return PostResource.collection(posts.with_query_string())

    async def store(self, request: StorePostRequest) -> PostResource:
        """Create a post (201); 422 with the errors as JSON when the input is invalid."""
        data = dict(request.validated())
        tag_ids = data.pop("tags", None) or []
        post = await Post.create(data)
        await post.tags.sync(tag_ids)
        await post.load("author", "tags")
        return PostResource(post)  # 201: the post was just created

    async def show(self, post: Post) -> PostResource:
        """One post with its author and tags."""
        await post.load("author", "tags")
        return PostResource(post)

    async def update(self, request: UpdatePostRequest, post: Post) -> PostResource:
        """Change a post; only the fields sent are updated."""
        data = dict(request.validated())
        tag_ids = data.pop("tags", None)
        await post.update(data)
        if tag_ids is not None:
            await post.tags.sync(tag_ids)
        await post.load("author", "tags")
        return PostResource(post)

    async def destroy(self, post: Post) -> Response:
        """Delete a post: 204 No Content."""
        await post.delete()
        return response().no_content()
