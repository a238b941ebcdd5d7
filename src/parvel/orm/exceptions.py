"""Errors raised by the ORM; every one names the model, the attribute or relation, and the fix."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parvel.exceptions import ParvelError


class ModelError(ParvelError):
    """Base class of the ORM's errors."""

    code = "orm-error"


class ModelNotFound(ModelError):
    """``find_or_fail`` / ``first_or_fail`` found nothing (rendered as a 404 over HTTP).

    Attributes:
        model: The model class name.
        ids: The keys that were looked up.
        status_code: Always 404.
    """

    code = "model-not-found"
    status_code = 404

    def __init__(self, model: str, ids: Iterable[Any] = ()) -> None:
        self.model = model
        self.ids = list(ids)
        suffix = f" {', '.join(str(i) for i in self.ids)}" if self.ids else ""
        super().__init__(f"No query results for model [{model}]{suffix}.")


class MassAssignmentError(ModelError):
    """An attribute is not mass assignable (not in ``fillable`` / listed in ``guarded``)."""

    code = "mass-assignment"


class RelationNotLoaded(ModelError):
    """A relation was read before it was loaded (Parvel never loads relations lazily)."""

    code = "relation-not-loaded"


class RelationNotFound(ModelError):
    """A relation name that the model does not declare."""

    code = "relation-not-found"


class CastError(ModelError):
    """A stored value could not be converted by the attribute's cast."""

    code = "cast-error"


class UnknownAttribute(ModelError, AttributeError):
    """Reading an attribute the model neither declares nor holds."""

    code = "unknown-attribute"


class ScopeNotFound(ModelError, AttributeError):
    """A query method or local scope that does not exist."""

    code = "scope-not-found"


class ConnectionNotSet(ModelError):
    """Models were used before a database manager was given to the ORM."""

    code = "orm-no-connection"


class InvalidRelationUse(ModelError):
    """A relation was used in a way its type does not support."""

    code = "invalid-relation-use"


class ClassMorphViolation(ModelError):
    """A model without a morph alias was stored polymorphically under ``enforce_morph_map``."""

    code = "class-morph-violation"


class ItemNotFound(ModelError):
    """A collection's ``first_or_fail()`` / ``sole()`` found no matching item."""

    code = "item-not-found"


class MultipleItemsFound(ModelError):
    """A collection's ``sole()`` (or a query's) found more than one matching item."""

    code = "multiple-items-found"
