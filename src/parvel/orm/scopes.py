"""Local scopes (``@scope``), global scopes and soft deletes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, Generic, ParamSpec, Protocol, TypeVar

if TYPE_CHECKING:
    from parvel.orm._base import ModelBase
    from parvel.orm.builder import Builder
    from parvel.orm.model import Model

P = ParamSpec("P")
M = TypeVar("M", bound="ModelBase")


class Scope(Protocol):
    """A global scope class: ``apply(query, model_class)`` adds constraints."""

    def apply(self, query: Builder[Any], model: type[Model]) -> None:
        """Constrain ``query``."""


class ScopeMethod(Generic[P]):
    """``Post.published()`` starts a query with the scope; the builder calls it by name."""

    __parvel_scope__ = True

    def __init__(self, fn: Callable[Concatenate[Any, P], Any]) -> None:
        self.__parvel_scope_fn__ = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__

    def __get__(self, obj: Any, owner: type[M]) -> Callable[P, Builder[M]]:
        def start(*args: P.args, **kwargs: P.kwargs) -> Builder[M]:
            query: Builder[M] = owner.query()
            return query.scope(self.__parvel_scope_fn__, *args, **kwargs)

        return start


def scope(fn: Callable[Concatenate[Any, P], Any]) -> ScopeMethod[P]:
    """Declare a local scope: ``@scope def published(query): query.where(...)``.

    ``Post.published()`` and ``Post.where(...).published()`` (or ``.scope("published")``)
    both apply it; mypy checks the scope's arguments.
    """
    return ScopeMethod(fn)


class SoftDeletingScope:
    """Hides rows whose ``deleted_at`` is set (the global scope of :class:`SoftDeletes`)."""

    def apply(self, query: Builder[Any], model: type[Model]) -> None:
        """``where deleted_at is null``."""
        query.where_null(model.qualify_column(model.DELETED_AT))  # type: ignore[attr-defined]


class SoftDeletes:
    """Mixin: ``delete()`` sets ``deleted_at`` instead of removing the row.

    Queries skip trashed rows unless ``with_trashed()`` / ``only_trashed()``; ``restore()``
    and ``force_delete()`` undo or finish a deletion.
    """

    DELETED_AT: ClassVar[str] = "deleted_at"
    soft_deletes: ClassVar[bool] = True

    deleted_at: datetime | None

    def trashed(self) -> bool:
        """Whether the model is soft deleted."""
        return self.__dict__["_attributes"].get(self.DELETED_AT) is not None


__all__ = ["Scope", "ScopeMethod", "SoftDeletes", "SoftDeletingScope", "scope"]


def scoped_by(*scopes: Any) -> Callable[[type[Any]], type[Any]]:
    """Class decorator adding global scopes (Laravel's ``#[ScopedBy([...])]``).

    ``@scoped_by(AncientScope)`` on a model is ``Post.add_global_scope(AncientScope)``.
    """

    def decorate(cls: type[Any]) -> type[Any]:
        for item in scopes:
            for one in item if isinstance(item, (list, tuple)) else [item]:
                cls.add_global_scope(one)
        return cls

    return decorate
