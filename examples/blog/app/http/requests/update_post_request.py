from typing import Any

from parvel.http import FormRequest
from parvel.validation import Rule


class UpdatePostRequest(FormRequest):
    def authorize(self) -> bool:
        """Whether the user may make this request."""
        return True

    def rules(self) -> dict[str, Any]:
        """Every field is optional on update (PATCH semantics), but validated when sent."""
        # The route parameter is still the raw slug here: form requests validate before
        # route model binding runs, so ignore the post's own row by its slug.
        post = self.route("post")
        slug = getattr(post, "slug", post)
        return {
            "title": "sometimes|required|string|max:255",
            "slug": [
                "sometimes",
                "required",
                "alpha_dash",
                "max:255",
                Rule.unique("posts", "slug").ignore(slug, "slug"),
            ],
            "body": "sometimes|required|string|min:10",
            "user_id": "sometimes|required|integer|exists:users,id",
            "published_at": "nullable|date",
            "tags": "nullable|array",
            "tags.*": "integer|exists:tags,id",
        }
