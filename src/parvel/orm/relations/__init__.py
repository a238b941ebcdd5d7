"""Relation declarations: ``comments = has_many(Comment)``, ``author = belongs_to(User)``...

See docs/orm.md for how one declaration gives both a query entry and the loaded data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from parvel.orm.relations.base import Relation, ToMany, ToOne
from parvel.orm.relations.belongs_to_many import BelongsToMany, MorphToMany
from parvel.orm.relations.has_one_many import (
    BelongsTo,
    HasMany,
    HasOne,
    HasOneOrMany,
    MorphMany,
    MorphOne,
)
from parvel.orm.relations.morph_to import (
    MorphTo,
    enforce_morph_map,
    morph_map,
    require_morph_map,
)
from parvel.orm.relations.pivot import Pivot
from parvel.orm.relations.through import HasManyThrough, HasOneThrough

if TYPE_CHECKING:
    from collections.abc import Callable

    from parvel.orm.model import Model

R = TypeVar("R", bound="Model")


def has_one(related: type[R] | Callable[[], type[R]] | str, foreign_key: str | None = None,
            local_key: str | None = None) -> HasOne[R]:  # fmt: skip
    """One related model holds this model's key (``User.phone``)."""
    return HasOne(related, foreign_key, local_key)


def has_many(related: type[R] | Callable[[], type[R]] | str, foreign_key: str | None = None,
             local_key: str | None = None) -> HasMany[R]:  # fmt: skip
    """Many related models hold this model's key (``Post.comments``)."""
    return HasMany(related, foreign_key, local_key)


def belongs_to(related: type[R] | Callable[[], type[R]] | str, foreign_key: str | None = None,
               owner_key: str | None = None) -> BelongsTo[R]:  # fmt: skip
    """This model holds the related model's key (``Comment.post`` via ``post_id``)."""
    return BelongsTo(related, foreign_key, owner_key)


def belongs_to_many(related: type[R] | Callable[[], type[R]] | str, table: str | None = None,
                    foreign_pivot_key: str | None = None, related_pivot_key: str | None = None,
                    parent_key: str | None = None,
                    related_key: str | None = None) -> BelongsToMany[R]:  # fmt: skip
    """Many-to-many through a pivot table (``User.roles`` via ``role_user``)."""
    return BelongsToMany(
        related, table, foreign_pivot_key, related_pivot_key, parent_key, related_key
    )


def has_one_through(related: type[R] | Callable[[], type[R]] | str,
                    through: type[Model] | Callable[[], type[Model]] | str,
                    first_key: str | None = None, second_key: str | None = None,
                    local_key: str | None = None,
                    second_local_key: str | None = None) -> HasOneThrough[R]:  # fmt: skip
    """One model reached through an intermediate model."""
    return HasOneThrough(related, through, first_key, second_key, local_key, second_local_key)


def has_many_through(related: type[R] | Callable[[], type[R]] | str,
                     through: type[Model] | Callable[[], type[Model]] | str,
                     first_key: str | None = None, second_key: str | None = None,
                     local_key: str | None = None,
                     second_local_key: str | None = None) -> HasManyThrough[R]:  # fmt: skip
    """Many models reached through an intermediate model (``Country.posts`` via ``User``)."""
    return HasManyThrough(related, through, first_key, second_key, local_key, second_local_key)


def morph_to(name: str | None = None, type: str | None = None, id: str | None = None) -> MorphTo:
    """The owner of a polymorphic row (``Comment.commentable``)."""
    return MorphTo(name, type, id)


def morph_one(related: type[R] | Callable[[], type[R]] | str, name: str) -> MorphOne[R]:
    """One polymorphic child (``Post.image`` via ``imageable_type``/``imageable_id``)."""
    return MorphOne(related, name)


def morph_many(related: type[R] | Callable[[], type[R]] | str, name: str) -> MorphMany[R]:
    """Many polymorphic children (``Post.comments`` via ``commentable_*``)."""
    return MorphMany(related, name)


def morph_to_many(related: type[R] | Callable[[], type[R]] | str, name: str,
                  table: str | None = None) -> MorphToMany[R]:  # fmt: skip
    """Polymorphic many-to-many (``Post.tags`` via ``taggables``)."""
    return MorphToMany(related, name, table)


def morphed_by_many(related: type[R] | Callable[[], type[R]] | str, name: str,
                    table: str | None = None) -> MorphToMany[R]:  # fmt: skip
    """The inverse of :func:`morph_to_many` (``Tag.posts`` via ``taggables``)."""
    return MorphToMany(related, name, table, inverse=True)


__all__ = [
    "BelongsTo",
    "BelongsToMany",
    "HasMany",
    "HasManyThrough",
    "HasOne",
    "HasOneOrMany",
    "HasOneThrough",
    "MorphMany",
    "MorphOne",
    "MorphTo",
    "MorphToMany",
    "Pivot",
    "Relation",
    "ToMany",
    "ToOne",
    "belongs_to",
    "belongs_to_many",
    "enforce_morph_map",
    "has_many",
    "has_many_through",
    "has_one",
    "has_one_through",
    "morph_many",
    "morph_map",
    "morph_one",
    "morph_to",
    "morph_to_many",
    "morphed_by_many",
    "require_morph_map",
]
