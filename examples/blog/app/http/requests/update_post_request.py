from typing import Any

from parvel.http import FormRequest
from parvel.validation import Rule


class UpdatePostRequest(FormRequest):
    def authorize(self) -> bool:
        """Whether the user may make this request."""
        return True

    def rules(self) -> dict[str, Any]:
        """Every field is optional on update (PATCH semantics), but validated when sent."""
        post = self.route("post")  # the bound Post: route model binding runs first
        return {
            "title": "sometimes|required|string|max:255",
            "slug": [
                "sometimes",
                "required",
                "alpha_dash",
                "max:255",
                Rule.unique("posts", "slug").ignore(post),
            ],
            "body": "sometimes|required|string|min:10",
            "user_id": "sometimes|required|integer|exists:users,id",
            "published_at": "nullable|date",
            "tags": "nullable|array",
            "tags.*": "integer|exists:tags,id",
        }
