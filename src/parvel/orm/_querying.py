"""Class-level query entry points of a model: ``Post.where(...)``, ``Post.find(1)`` ..."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Self, overload

from parvel.database.query._where import MISSING
from parvel.orm._base import ModelBase
from parvel.orm.exceptions import ConnectionNotSet

if TYPE_CHECKING:
    from parvel.database.connection import Connection
    from parvel.database.manager import DatabaseManager
    from parvel.database.pagination import LengthAwarePaginator
    from parvel.orm.builder import Builder
    from parvel.orm.collection import Collection

_resolver: list[DatabaseManager | None] = [None]


class _ModelType(type):
    """The metaclass: unknown class attributes fall back to the query builder."""

    if not TYPE_CHECKING:

        def __getattr__(cls, name: str) -> Any:
            if name.startswith("_"):
                raise AttributeError(name)
            from parvel.orm.builder import Builder

            if hasattr(Builder, name):
                return getattr(cls.query(), name)
            raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")


class QueryingModel(ModelBase, metaclass=_ModelType):
    """Query entry points and connection resolution."""

    # -- connections ------------------------------------------------------------------------------
    @staticmethod
    def set_connection_resolver(manager: DatabaseManager | None) -> None:
        """Give the ORM the database manager its models query through."""
        _resolver[0] = manager

    @staticmethod
    def get_connection_resolver() -> DatabaseManager | None:
        """The database manager in use (None before the database is configured)."""
        return _resolver[0]

    @classmethod
    def get_connection(cls) -> Connection:
        """The connection this model uses (``connection = "pgsql"`` or the default)."""
        manager = _resolver[0]
        if manager is None:
            raise ConnectionNotSet(
                f"{cls.__name__} has no database connection: the ORM has no database manager.",
                hint="Register OrmServiceProvider, or call Model.set_connection_resolver(manager).",
            )
        return manager.connection(cls.connection)

    # -- query builders ---------------------------------------------------------------------------
    @classmethod
    def query(cls) -> Builder[Self]:
        """A new query on the model's table (global scopes apply when it runs)."""
        from parvel.orm.builder import Builder

        return Builder(cls, cls.get_connection())

    @classmethod
    def new_query_without_scopes(cls) -> Builder[Self]:
        """A query that skips every global scope."""
        return cls.query().without_global_scopes()

    @classmethod
    def add_global_scope(cls, scope: Any, implementation: Any = None) -> None:
        """Add a global scope: ``add_global_scope("active", lambda q: q.where(...))`` or a class."""
        if implementation is None:
            name = scope.__name__ if isinstance(scope, type) else type(scope).__name__
            implementation = scope() if isinstance(scope, type) else scope
        else:
            name = scope
        if isinstance(implementation, type):
            implementation = implementation()
        cls._info().global_scopes[name] = implementation

    @classmethod
    def has_global_scope(cls, name: str) -> bool:
        """Whether a global scope ``name`` is registered."""
        return name in cls._info().global_scopes

    @classmethod
    def where(cls, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Builder[Self]:
        """Start a query with a where clause (same forms as the query builder's ``where``)."""
        return cls.query().where(column, operator, value)

    @classmethod
    def where_in(cls, column: str, values: Sequence[Any]) -> Builder[Self]:
        """Start a query with ``where column in (...)``."""
        return cls.query().where_in(column, values)

    @classmethod
    def where_null(cls, column: str) -> Builder[Self]:
        """Start a query with ``where column is null``."""
        return cls.query().where_null(column)

    @classmethod
    def where_not_null(cls, column: str) -> Builder[Self]:
        """Start a query with ``where column is not null``."""
        return cls.query().where_not_null(column)

    @classmethod
    def order_by(cls, column: Any, direction: str = "asc") -> Builder[Self]:
        """Start an ordered query."""
        return cls.query().order_by(column, direction)

    @classmethod
    def latest(cls, column: str = "created_at") -> Builder[Self]:
        """Newest first."""
        return cls.query().latest(column)

    @classmethod
    def oldest(cls, column: str = "created_at") -> Builder[Self]:
        """Oldest first."""
        return cls.query().oldest(column)

    @classmethod
    def select(cls, *columns: Any) -> Builder[Self]:
        """Start a query selecting ``columns``."""
        return cls.query().select(*columns)

    @classmethod
    def limit(cls, value: int) -> Builder[Self]:
        """Start a query with a limit."""
        return cls.query().limit(value)

    @classmethod
    def take(cls, value: int) -> Builder[Self]:
        """Start a query with a limit."""
        return cls.query().limit(value)

    @classmethod
    def when(cls, value: Any, callback: Callable[..., Any]) -> Builder[Self]:
        """Apply ``callback`` when ``value`` is truthy."""
        return cls.query().when(value, callback)

    @classmethod
    def with_(cls, *relations: Any) -> Builder[Self]:
        """Start a query eager loading ``relations``."""
        return cls.query().with_(*relations)

    @classmethod
    def with_count(cls, *relations: Any) -> Builder[Self]:
        """Start a query adding ``{relation}_count`` columns."""
        return cls.query().with_count(*relations)

    @classmethod
    def has(cls, relation: str, operator: str = ">=", count: int = 1) -> Builder[Self]:
        """Models having related rows."""
        return cls.query().has(relation, operator, count)

    @classmethod
    def where_has(cls, relation: str, callback: Callable[[Any], Any] | None = None,
                  operator: str = ">=", count: int = 1) -> Builder[Self]:  # fmt: skip
        """Models having related rows matching ``callback``."""
        return cls.query().where_has(relation, callback, operator, count)

    @classmethod
    def doesnt_have(cls, relation: str) -> Builder[Self]:
        """Models without related rows."""
        return cls.query().doesnt_have(relation)

    @classmethod
    def where_relation(
        cls, relation: str, column: str, operator: Any, value: Any = None
    ) -> Builder[Self]:
        """Models whose related rows match a condition."""
        return cls.query().where_relation(relation, column, operator, value)

    @classmethod
    def without_global_scope(cls, scope: Any) -> Builder[Self]:
        """A query skipping one global scope."""
        return cls.query().without_global_scope(scope)

    @classmethod
    def without_global_scopes(cls, scopes: Sequence[Any] | None = None) -> Builder[Self]:
        """A query skipping global scopes."""
        return cls.query().without_global_scopes(scopes)

    @classmethod
    def with_trashed(cls) -> Builder[Self]:
        """Include soft-deleted rows."""
        return cls.query().without_global_scope("soft_deletes")

    @classmethod
    def only_trashed(cls) -> Builder[Self]:
        """Only soft-deleted rows."""
        column = cls.qualify_column(getattr(cls, "DELETED_AT", "deleted_at"))
        return cls.query().without_global_scope("soft_deletes").where_not_null(column)

    # -- fetching ---------------------------------------------------------------------------------
    @classmethod
    async def all(cls, columns: Sequence[Any] | None = None) -> Collection[Self]:
        """Every model."""
        return await cls.query().get(columns)

    @overload
    @classmethod
    async def find(cls, id: list[Any] | tuple[Any, ...] | set[Any]) -> Collection[Self]: ...
    @overload
    @classmethod
    async def find(cls, id: Any) -> Self | None: ...
    @classmethod
    async def find(cls, id: Any) -> Any:
        """The model with primary key ``id`` (or None); a collection for a list of keys."""
        info = cls._info()
        if info.global_scopes or cls.default_with or not isinstance(id, (int, str)):
            return await cls.query().find(id)
        connection = cls.get_connection()
        sql = info.find_sql.get(connection.name)
        if sql is None:
            query = cls.query().where(cls.qualify_column(cls.primary_key), "=", 0).limit(1)
            sql = info.find_sql[connection.name] = query.to_sql()
        rows = await connection.select(sql, (id,))
        if not rows:
            return None
        model = cls.new_from_row(rows[0])
        from parvel.orm.events import has_listeners

        if has_listeners(cls, "retrieved"):
            await model.fire_model_event("retrieved", halt=False)
        return model

    @classmethod
    async def find_many(cls, ids: Sequence[Any]) -> Collection[Self]:
        """The models whose keys are in ``ids``."""
        return await cls.query().find_many(ids)

    @overload
    @classmethod
    async def find_or_fail(cls, id: list[Any] | tuple[Any, ...] | set[Any]) -> Collection[Self]: ...
    @overload
    @classmethod
    async def find_or_fail(cls, id: Any) -> Self: ...
    @classmethod
    async def find_or_fail(cls, id: Any) -> Any:
        """The model with key ``id`` (the models, for a list); ModelNotFound (404) if absent."""
        from parvel.orm.exceptions import ModelNotFound

        if not isinstance(id, (int, str)):
            return await cls.query().find_or_fail(id)
        model = await cls.find(id)
        if model is None:
            raise ModelNotFound(cls.__name__, [id])
        return model

    @classmethod
    async def first(cls) -> Self | None:
        """The first model."""
        return await cls.query().first()

    @classmethod
    async def first_or_fail(cls) -> Self:
        """The first model; ModelNotFound when the table is empty."""
        return await cls.query().first_or_fail()

    @classmethod
    async def count(cls) -> int:
        """The number of rows."""
        return await cls.query().count()

    @classmethod
    async def paginate(
        cls, per_page: int | None = None, page: int | None = None
    ) -> LengthAwarePaginator:
        """A length-aware page of models."""
        return await cls.query().paginate(per_page, page=page)

    @classmethod
    def cursor(cls) -> AsyncIterator[Self]:
        """Stream every model through a server-side cursor."""
        return cls.query().cursor()

    @classmethod
    def lazy(cls, chunk_size: int = 1000) -> AsyncIterator[Self]:
        """Iterate every model, ``chunk_size`` per query."""
        return cls.query().lazy(chunk_size)

    @classmethod
    async def chunk(cls, count: int, callback: Callable[[Any, int], Any]) -> bool:
        """Feed ``callback(models, page)`` ``count`` models at a time."""
        return await cls.query().chunk(count, callback)

    # -- events -----------------------------------------------------------------------------------
    @classmethod
    def observe(cls, observer: Any) -> None:
        """Register an observer whose methods are named after events (``created`` ...)."""
        from parvel.orm.events import observe

        observe(cls, observer)

    @classmethod
    def on(cls, event: str, callback: Callable[[Any], Any]) -> None:
        """Listen to ``event`` (``"creating"``, ``"saved"`` ...)."""
        from parvel.orm.events import listen

        listen(cls, event, callback)

    @classmethod
    def flush_event_listeners(cls) -> None:
        """Forget every listener of this model class."""
        from parvel.orm.events import forget_listeners

        forget_listeners(cls)

    @overload
    @staticmethod
    def without_events() -> AbstractContextManager[None]: ...
    @overload
    @staticmethod
    def without_events(callback: Callable[[], Any]) -> Coroutine[Any, Any, Any]: ...
    @staticmethod
    def without_events(callback: Callable[[], Any] | None = None) -> Any:
        """Mute model events: ``with Post.without_events(): ...`` or ``await ...(fn)``.

        ``await Post.without_events(fn)`` runs ``fn()`` muted and returns its result.
        """
        from parvel.orm.events import without_events

        return without_events() if callback is None else without_events(callback)

    async def fire_model_event(self, event: str, halt: bool = True) -> bool:
        """Dispatch ``event`` for this model; False when a listener cancelled it."""
        from parvel.orm.events import dispatch

        return await dispatch(self, event, halt)
