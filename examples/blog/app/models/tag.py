"""The Tag model: a label shared by many posts."""

from __future__ import annotations

from datetime import datetime

from parvel.orm import Model, belongs_to_many


class Tag(Model):
    """A row of the ``tags`` table."""

    id: int
    name: str
    slug: str
    created_at: datetime | None
    updated_at: datetime | None

    fillable = ["name", "slug"]

    posts = belongs_to_many("Post")
