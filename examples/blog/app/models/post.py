"""The Post model: an article written by a user, tagged and commented."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from parvel.orm import (
    BelongsTo,
    BelongsToMany,
    HasMany,
    Model,
    belongs_to,
    belongs_to_many,
    has_many,
    scope,
)
from parvel.support import clock

if TYPE_CHECKING:
    from app.models.comment import Comment
    from app.models.tag import Tag
    from app.models.user import User


class Post(Model):
    """A row of the ``posts`` table."""

    id: int
    user_id: int
    title: str
    slug: str
    body: str
    published_at: datetime | None
    created_at: datetime | None
    updated_at: datetime | None

    fillable = ["user_id", "title", "slug", "body", "published_at"]

    author: BelongsTo[User] = belongs_to("User", "user_id")
    tags: BelongsToMany[Tag] = belongs_to_many("Tag")
    comments: HasMany[Comment] = has_many("Comment")

    @scope
    def published(query: Any) -> None:
        """Only posts whose publication date has passed."""
        query.where_not_null("published_at").where("published_at", "<=", clock.now())

    @scope
    def search(query: Any, term: str | None) -> None:
        """Posts whose title or body contains ``term`` (no filter for an empty term)."""
        if term:
            like = f"%{term}%"
            query.where(lambda q: q.where_like("title", like).or_where_like("body", like))

    @scope
    def tagged(query: Any, slug: str | None) -> None:
        """Posts carrying the tag ``slug`` (no filter for an empty slug)."""
        if slug:
            query.where_has("tags", lambda q: q.where("slug", slug))

    @property
    def excerpt(self) -> str:
        """The first 200 characters of the body."""
        return self.body if len(self.body) <= 200 else self.body[:197].rstrip() + "..."

    def get_route_key_name(self) -> str:
        """Route bindings look posts up by slug: ``/posts/my-first-post``."""
        return "slug"
