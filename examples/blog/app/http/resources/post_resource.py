"""How a post looks in the JSON API."""

from __future__ import annotations

from typing import Any

from parvel.http import JsonResource, Request


class PostResource(JsonResource):
    """A post with its author and tags when they were loaded (never a query from here)."""

    def to_array(self, request: Request) -> dict[str, Any]:
        """The API fields of a post."""
        return {
            "id": self.id,
            "title": self.title,
            "slug": self.slug,
            "excerpt": self.excerpt,
            "body": self.body,
            "published_at": self.published_at,
            "author": self.when_loaded(
                "author", lambda: {"id": self.author.id, "name": self.author.name}
            ),
            "tags": self.when_loaded(
                "tags", lambda: [{"id": t.id, "name": t.name, "slug": t.slug} for t in self.tags]
            ),
            "comments_count": self.when_counted("comments"),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
