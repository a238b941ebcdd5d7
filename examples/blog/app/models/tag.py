"""The Tag model: a label shared by many posts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from parvel.orm import BelongsToMany, Model, belongs_to_many

if TYPE_CHECKING:
    from app.models.post import Post


class Tag(Model):
    """A row of the ``tags`` table."""

    id: int
    name: str
    slug: str
    created_at: datetime | None
    updated_at: datetime | None

    fillable = ["name", "slug"]

    posts: BelongsToMany[Post] = belongs_to_many("Post")
