from typing import Any

from parvel.http import FormRequest


class StoreCommentRequest(FormRequest):
    def authorize(self) -> bool:
        """Whether the user may make this request."""
        return True

    def rules(self) -> dict[str, Any]:
        """The validation rules of the request."""
        return {
            "user_id": "required|integer|exists:users,id",
            "body": "required|string|min:2|max:2000",
        }

    def messages(self) -> dict[str, str]:
        """Friendlier messages for the form."""
        return {"user_id.required": "Choose who is commenting."}
