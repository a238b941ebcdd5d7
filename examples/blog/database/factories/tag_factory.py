"""The Tag factory."""

from __future__ import annotations

from typing import Any

from parvel.orm import Factory
from parvel.support import Str

from app.models.tag import Tag


class TagFactory(Factory[Tag]):
    """Builds Tag models with fake data."""

    model = Tag

    def definition(self) -> dict[str, Any]:
        """The default attributes of a Tag."""
        name = self.faker.unique.word().capitalize()
        return {"name": name, "slug": Str.slug(name)}
