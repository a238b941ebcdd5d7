"""The Post factory."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from parvel.orm import Factory
from parvel.support import Str, clock

from app.models.post import Post
from database.factories.user_factory import UserFactory


class PostFactory(Factory[Post]):
    """Builds Post models with fake data."""

    model = Post

    def definition(self) -> dict[str, Any]:
        """The default attributes of a Post: a published article by a new user."""
        title = self.faker.sentence(nb_words=6).rstrip(".")
        days_ago = self.faker.random_int(min=1, max=365)
        return {
            "user_id": UserFactory(),
            "title": title,
            "slug": f"{Str.slug(title)}-{self.faker.unique.random_int(min=1000, max=999999)}",
            "body": "\n\n".join(self.faker.paragraphs(nb=4)),
            "published_at": clock.now() - timedelta(days=days_ago),
        }

    def draft(self) -> PostFactory:
        """A post that is not published yet."""
        return self.state({"published_at": None})
