"""Parvel's ORM: Eloquent-style models, relations, eager loading, scopes, events, factories.

See docs/orm.md.
"""

from __future__ import annotations

from parvel.orm._base import accessor, mutator
from parvel.orm.attribute import Attribute
from parvel.orm.builder import Builder
from parvel.orm.casts import CastsAttributes, set_encrypter_resolver, set_hasher_resolver
from parvel.orm.collection import Collection, collect
from parvel.orm.events import observed_by, without_events
from parvel.orm.exceptions import (
    CastError,
    ClassMorphViolation,
    ConnectionNotSet,
    InvalidRelationUse,
    ItemNotFound,
    MassAssignmentError,
    ModelError,
    ModelNotFound,
    MultipleItemsFound,
    RelationNotFound,
    RelationNotLoaded,
    ScopeNotFound,
    UnknownAttribute,
)
from parvel.orm.factories import Factory, Sequence
from parvel.orm.keyed_collection import KeyedCollection
from parvel.orm.model import HasUlids, HasUuids, HasVersion4Uuids, Model
from parvel.orm.pagination import set_links_renderer
from parvel.orm.pruning import MassPrunable, Prunable
from parvel.orm.relations import (
    BelongsTo,
    BelongsToMany,
    HasMany,
    HasManyThrough,
    HasOne,
    HasOneThrough,
    MorphMany,
    MorphOne,
    MorphTo,
    MorphToMany,
    Pivot,
    belongs_to,
    belongs_to_many,
    enforce_morph_map,
    has_many,
    has_many_through,
    has_one,
    has_one_through,
    morph_many,
    morph_map,
    morph_one,
    morph_to,
    morph_to_many,
    morphed_by_many,
    require_morph_map,
)
from parvel.orm.scopes import Scope, ScopeMethod, SoftDeletes, scope, scoped_by

__all__ = [
    "Attribute",
    "BelongsTo",
    "BelongsToMany",
    "Builder",
    "CastError",
    "CastsAttributes",
    "ClassMorphViolation",
    "Collection",
    "ConnectionNotSet",
    "Factory",
    "HasMany",
    "HasManyThrough",
    "HasOne",
    "HasOneThrough",
    "HasUlids",
    "HasUuids",
    "HasVersion4Uuids",
    "InvalidRelationUse",
    "ItemNotFound",
    "KeyedCollection",
    "MassAssignmentError",
    "MassPrunable",
    "Model",
    "ModelError",
    "ModelNotFound",
    "MorphMany",
    "MorphOne",
    "MorphTo",
    "MorphToMany",
    "MultipleItemsFound",
    "Pivot",
    "Prunable",
    "RelationNotFound",
    "RelationNotLoaded",
    "Scope",
    "ScopeMethod",
    "ScopeNotFound",
    "Sequence",
    "SoftDeletes",
    "UnknownAttribute",
    "accessor",
    "belongs_to",
    "belongs_to_many",
    "collect",
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
    "mutator",
    "observed_by",
    "require_morph_map",
    "scope",
    "scoped_by",
    "set_encrypter_resolver",
    "set_hasher_resolver",
    "set_links_renderer",
    "without_events",
]
