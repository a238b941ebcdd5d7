"""The User model: the authors of posts and comments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from parvel.orm import HasMany, Model, has_many

if TYPE_CHECKING:
    from app.models.comment import Comment
    from app.models.post import Post


class User(Model):
    """A row of the ``users`` table."""

    id: int
    name: str
    email: str
    password: str
    email_verified_at: datetime | None
    created_at: datetime | None
    updated_at: datetime | None

    fillable = ["name", "email", "password"]
    hidden = ["password", "remember_token"]

    posts: HasMany[Post] = has_many("Post")
    comments: HasMany[Comment] = has_many("Comment")
