"""The Comment factory."""

from __future__ import annotations

from typing import Any

from parvel.orm import Factory

from app.models.comment import Comment
from database.factories.post_factory import PostFactory
from database.factories.user_factory import UserFactory


class CommentFactory(Factory[Comment]):
    """Builds Comment models with fake data."""

    model = Comment

    def definition(self) -> dict[str, Any]:
        """The default attributes of a Comment."""
        return {
            "post_id": PostFactory(),
            "user_id": UserFactory(),
            "body": self.faker.paragraph(nb_sentences=3),
        }
