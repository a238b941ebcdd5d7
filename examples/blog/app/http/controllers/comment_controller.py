from __future__ import annotations

from parvel.http import Controller, RedirectResponse, redirect

from app.http.requests.store_comment_request import StoreCommentRequest
from app.models.post import Post


class CommentController(Controller):
    """Comments under a post: Route.resource("posts.comments", ...).only("store")."""

    async def store(self, request: StoreCommentRequest, post: Post) -> RedirectResponse:
        """Add a comment to a post."""
        await post.comments.create(request.validated())
        return redirect().route("posts.show", post).with_("status", "Comment added.")
