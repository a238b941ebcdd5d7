"""The Comment model: a reader's reply under a post."""

from __future__ import annotations

from datetime import datetime

from parvel.orm import Model, belongs_to


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

    post = belongs_to("Post")
    author = belongs_to("User", "user_id")
