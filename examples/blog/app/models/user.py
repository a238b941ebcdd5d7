"""The User model: the authors of posts and comments."""

from __future__ import annotations

from datetime import datetime

from parvel.orm import Model, has_many


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

    posts = has_many("Post")
    comments = has_many("Comment")
