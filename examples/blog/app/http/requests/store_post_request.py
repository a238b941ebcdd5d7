from typing import Any

from parvel.http import FormRequest
from parvel.support import Str


class StorePostRequest(FormRequest):
    def authorize(self) -> bool:
        """Whether the user may make this request."""
        return True

    def prepare_for_validation(self) -> None:
        """Derive the slug from the title when the form leaves it empty."""
        if not self.input("slug") and self.input("title"):
            self.merge({"slug": Str.slug(str(self.input("title")))})

    def rules(self) -> dict[str, Any]:
        """The validation rules of the request."""
        return {
            "title": "required|string|max:255",
            "slug": "required|alpha_dash|max:255|unique:posts,slug",
            "body": "required|string|min:10",
            "user_id": "required|integer|exists:users,id",
            "published_at": "nullable|date",
            "tags": "nullable|array",
            "tags.*": "integer|exists:tags,id",
        }

    def messages(self) -> dict[str, str]:
        """Friendlier messages for the form."""
        return {"user_id.required": "Choose an author.", "user_id.exists": "Choose an author."}
