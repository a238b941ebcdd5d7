"""The Comment model: a reader's reply under a post."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from parvel.orm import BelongsTo, Model, belongs_to

if TYPE_CHECKING:
    from app.models.post import Post
    from app.models.user import User


class Comment(Model):
    """A row of the ``comments`` table."""

    id: int
    post_id: int
    user_id: int
    body: str
    created_at: datetime | None
    updated_at: datetime | None

    fillable = ["post_id", "user_id", "body"]
    touches = ["post"]

    post: BelongsTo[Post] = belongs_to("Post")
    author: BelongsTo[User] = belongs_to("User", "user_id")
