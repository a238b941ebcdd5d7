"""The blog's models. Importing them all here lets relations name each other as strings."""

from app.models.comment import Comment
from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User

__all__ = ["Comment", "Post", "Tag", "User"]
