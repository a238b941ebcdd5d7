"""Eager loading and relation-existence queries for the model builder.

``with_("comments.author")`` loads relations in one query per level; ``with_count``,
``with_sum``, ``with_exists`` add sub-selects; ``has``, ``where_has``, ``doesnt_have`` and
``where_relation`` filter on related rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Self

from parvel.database.query.expression import Expression
from parvel.orm.exceptions import InvalidRelationUse

if TYPE_CHECKING:
    from parvel.orm.builder import Builder
    from parvel.orm.model import Model

Constraint = Callable[[Any], Any] | None
_COUNT_OPERATORS = {"=", "<", ">", "<=", ">=", "!=", "<>"}


def select_columns(columns: Sequence[str]) -> Callable[[Any], None]:
    """The constraint for ``with_("author:id,name")``: load only those columns.

    Unqualified names are qualified with the related table; other columns the relation
    itself selects (a pivot's, a through key) are kept.
    """

    def constrain(query: Any) -> None:
        wanted = [c if "." in c else query.model.qualify_column(c) for c in columns]
        star = f"{query.model.get_table()}.*"
        kept = [c for c in (query.columns or []) if c != star and c != "*"]
        query.columns = None
        query.select(*wanted, *kept)

    return constrain


def _parse_name(item: str) -> tuple[str, Constraint]:
    """``"posts.author:id,name"`` → ``("posts.author", select_columns(["id", "name"]))``."""
    name, colon, columns = item.partition(":")
    if not colon:
        return item, None
    return name.strip(), select_columns([c.strip() for c in columns.split(",") if c.strip()])


def normalize_relations(relations: Sequence[Any]) -> dict[str, Constraint]:
    """``("a", ["b"], {"c": fn})`` → ``{"a": None, "b": None, "c": fn}``.

    ``"a:id,name"`` loads only those columns of ``a``.
    """
    out: dict[str, Constraint] = {}
    for item in relations:
        if isinstance(item, str):
            name, constraint = _parse_name(item)
            out[name] = constraint
        elif isinstance(item, dict):
            out.update(item)
        elif isinstance(item, (list, tuple)):
            out.update(normalize_relations(item))
        else:
            raise TypeError(f"Relation names must be strings, lists or dicts, got {item!r}.")
    return out


def split_tree(spec: dict[str, Constraint]) -> dict[str, tuple[Constraint, dict[str, Constraint]]]:
    """``{"comments.author": None}`` → ``{"comments": (None, {"author": None})}``."""
    tree: dict[str, tuple[Constraint, dict[str, Constraint]]] = {}
    for name, constraint in spec.items():
        first, _, rest = name.partition(".")
        current, nested = tree.get(first, (None, {}))
        if rest:
            nested[rest] = constraint
        else:
            current = constraint
        tree[first] = (current, nested)
    return tree


async def load_relations(
    models: Sequence[Model], spec: dict[str, Constraint], missing_only: bool = False
) -> None:
    """Eager load ``spec`` onto ``models`` (all of one class), one query per relation level."""
    if not models:
        return
    cls = type(models[0])
    for name, (constraint, nested) in split_tree(spec).items():
        relation = cls.relation_definition(name)
        if missing_only:
            todo = [m for m in models if not m.relation_loaded(name)]
            if todo:
                await relation.eager_load(todo, constraint, nested)
            if nested:
                children = _children(models, name)
                if children:
                    await load_relations(children, nested, missing_only=True)
        else:
            await relation.eager_load(models, constraint, nested)


def _children(models: Sequence[Model], name: str) -> list[Model]:
    out: list[Model] = []
    for model in models:
        value = model.get_relation(name)
        if value is None:
            continue
        if hasattr(value, "items") and not hasattr(value, "get_key"):
            out.extend(value.items)
        else:
            out.append(value)
    return out


class EagerLoading:
    """``with_``, ``with_count``, ``has``, ``where_has`` ... (mixed into the model builder)."""

    if TYPE_CHECKING:
        model: type[Any]
        eager_load: dict[str, Constraint]
        columns: list[Any] | None

        def select(self, *columns: Any) -> Self: ...
        def select_sub(self, query: Any, alias: str, add: bool = False) -> Self: ...
        def where_exists(self, query: Any, boolean: str = "and", not_: bool = False) -> Self: ...
        def where_raw(
            self, sql: str, bindings: Sequence[Any] = (), boolean: str = "and"
        ) -> Self: ...

    # -- eager loading ----------------------------------------------------------------------------
    def with_(self, *relations: Any) -> Self:
        """Eager load relations: ``with_("comments.author", {"tags": lambda q: q.where(...)})``."""
        spec = normalize_relations(relations)
        for name in spec:
            self._check_path(self.model, name)
        self.eager_load.update(spec)
        return self

    @staticmethod
    def _check_path(cls: type[Model], path: str) -> None:
        from parvel.orm.relations.morph_to import MorphTo

        for segment in path.split("."):
            relation = cls.relation_definition(segment)
            if isinstance(relation, MorphTo):
                return
            cls = relation.related

    def with_only(self, *relations: Any) -> Self:
        """Eager load exactly these relations, replacing any requested before."""
        self.eager_load.clear()
        return self.with_(*relations)

    def without(self, *relations: str) -> Self:
        """Drop relations from the eager-load list."""
        for name in relations:
            self.eager_load.pop(name, None)
        return self

    async def eager_load_relations(self, models: Sequence[Any]) -> None:
        """Load every requested relation onto ``models``."""
        await load_relations(models, self.eager_load)

    # -- relation sub-queries ---------------------------------------------------------------------
    def _relation_query(self, name: str, callback: Constraint) -> Builder[Any]:
        relation = self.model.relation_definition(name)
        query = relation.related.query()
        if relation.related.get_table() == self.model.get_table():
            raise InvalidRelationUse(
                f"{self.model.__name__}.{name} relates the table {self.model.get_table()!r} to "
                "itself; has(), where_has() and with_count() do not support that yet.",
                hint="Filter with where_in() on a sub-query, or load the relation and filter "
                "the collection.",
            )
        relation.add_existence_constraint(query, self.model)
        if callback is not None:
            callback(query)
        scoped: Builder[Any] = query.apply_scopes()
        return scoped

    def _with_aggregate(self, relations: Sequence[Any], function: str, column: str | None) -> Self:
        if self.columns is None:
            self.select(f"{self.model.get_table()}.*")
        for spec, callback in normalize_relations(relations).items():
            name, alias = spec, None
            lowered = spec.lower()
            if " as " in lowered:
                index = lowered.index(" as ")
                name, alias = spec[:index].strip(), spec[index + 4 :].strip()
            query = self._relation_query(name, callback)
            suffix = function if column is None else f"{function}_{column}"
            alias = alias or f"{name}_{suffix}"
            if function == "exists":
                query.columns = [Expression("1")]
                sql = query.to_sql()
                self.columns = [*(self.columns or []), Expression(
                    f"(case when exists({sql}) then 1 else 0 end) as {query.grammar.wrap(alias)}"
                )]  # fmt: skip
                self.bindings["select"].extend(query.get_bindings())  # type: ignore[attr-defined]
                continue
            target = (
                "*" if column is None else query.grammar.wrap(query.model.qualify_column(column))
            )
            query.columns = [Expression(f"{function}({target})")]
            query.orders = []
            self.select_sub(query, alias, add=True)
        return self

    def with_count(self, *relations: Any) -> Self:
        """Add ``{relation}_count`` columns: ``with_count("comments")``."""
        return self._with_aggregate(relations, "count", None)

    def with_sum(self, relation: Any, column: str) -> Self:
        """Add ``{relation}_sum_{column}``."""
        return self._with_aggregate([relation], "sum", column)

    def with_avg(self, relation: Any, column: str) -> Self:
        """Add ``{relation}_avg_{column}``."""
        return self._with_aggregate([relation], "avg", column)

    def with_min(self, relation: Any, column: str) -> Self:
        """Add ``{relation}_min_{column}``."""
        return self._with_aggregate([relation], "min", column)

    def with_max(self, relation: Any, column: str) -> Self:
        """Add ``{relation}_max_{column}``."""
        return self._with_aggregate([relation], "max", column)

    def with_exists(self, *relations: Any) -> Self:
        """Add ``{relation}_exists`` (1 or 0)."""
        return self._with_aggregate(relations, "exists", None)

    # -- existence filters ------------------------------------------------------------------------
    def has(self, relation: str, operator: str = ">=", count: int = 1, boolean: str = "and",
            callback: Constraint = None) -> Self:  # fmt: skip
        """Only models with related rows: ``has("comments")``, ``has("comments", ">=", 3)``."""
        if operator not in _COUNT_OPERATORS:
            raise InvalidRelationUse(
                f"Invalid operator {operator!r} for has().", hint="Use =, <, >, <=, >= or !=."
            )
        name, _, rest = relation.partition(".")
        if rest:
            return self.has(
                name, ">=", 1, boolean, lambda q: q.has(rest, operator, count, "and", callback)
            )
        query = self._relation_query(name, callback)
        if operator == ">=" and count == 1:
            return self.where_exists(query, boolean)
        if (operator == "<" and count == 1) or (operator in {"=", "<="} and count == 0):
            return self.where_exists(query, boolean, not_=True)
        query.columns = [Expression("count(*)")]
        return self.where_raw(
            f"({query.to_sql()}) {operator} ?", [*query.get_bindings(), count], boolean
        )

    def or_has(self, relation: str, operator: str = ">=", count: int = 1) -> Self:
        """``or`` :meth:`has`."""
        return self.has(relation, operator, count, "or")

    def doesnt_have(self, relation: str, boolean: str = "and", callback: Constraint = None) -> Self:
        """Only models without related rows."""
        return self.has(relation, "<", 1, boolean, callback)

    def or_doesnt_have(self, relation: str) -> Self:
        """``or`` :meth:`doesnt_have`."""
        return self.doesnt_have(relation, "or")

    def where_has(self, relation: str, callback: Constraint = None, operator: str = ">=",
                  count: int = 1) -> Self:  # fmt: skip
        """Models with related rows matching ``callback``."""
        return self.has(relation, operator, count, "and", callback)

    def or_where_has(self, relation: str, callback: Constraint = None, operator: str = ">=",
                     count: int = 1) -> Self:  # fmt: skip
        """``or`` :meth:`where_has`."""
        return self.has(relation, operator, count, "or", callback)

    def where_doesnt_have(self, relation: str, callback: Constraint = None) -> Self:
        """Models without related rows matching ``callback``."""
        return self.doesnt_have(relation, "and", callback)

    def or_where_doesnt_have(self, relation: str, callback: Constraint = None) -> Self:
        """``or`` :meth:`where_doesnt_have`."""
        return self.doesnt_have(relation, "or", callback)

    def with_where_has(self, relation: str, callback: Constraint = None) -> Self:
        """Filter on related rows and eager load exactly those rows."""
        self.where_has(relation, callback)
        return self.with_({relation: callback})

    def where_relation(self, relation: str, column: str, operator: Any, value: Any = None,
                       boolean: str = "and") -> Self:  # fmt: skip
        """``where_relation("comments", "approved", True)`` (``=`` when two arguments)."""
        if value is None:
            value, operator = operator, "="
        return self.has(relation, ">=", 1, boolean, lambda q: q.where(column, operator, value))

    def or_where_relation(
        self, relation: str, column: str, operator: Any, value: Any = None
    ) -> Self:
        """``or`` :meth:`where_relation`."""
        return self.where_relation(relation, column, operator, value, "or")

    def where_belongs_to(
        self, model: Model | Sequence[Model], relation: str | None = None, boolean: str = "and"
    ) -> Self:
        """``where_belongs_to(user)``: rows whose belongs_to relation points at ``model``.

        ``model`` may be a collection of models (``where_in``). Without ``relation`` the
        relation named after the model's class (``user``) is used, else the only
        ``belongs_to`` relation to that class.
        """
        from parvel.orm.relations.has_one_many import BelongsTo
        from parvel.support import Str

        models = list(model) if isinstance(model, Sequence) or hasattr(model, "items") else [model]  # type: ignore[arg-type]
        if not models:
            raise InvalidRelationUse("where_belongs_to() needs at least one model.")
        related = type(models[0])
        name = relation or Str.snake(related.__name__)
        relations = self.model._info().relations
        if relation is None and name not in relations:
            matches = [
                n for n, r in relations.items() if isinstance(r, BelongsTo) and r.related is related
            ]
            if len(matches) == 1:
                name = matches[0]
        definition = self.model.relation_definition(name)
        if not isinstance(definition, BelongsTo):
            raise InvalidRelationUse(f"{self.model.__name__}.{name} is not a belongs_to relation.")
        column = self.model.qualify_column(definition.foreign_key)
        keys = [m.get_attribute_value(definition.owner_key) for m in models]
        if len(keys) == 1:
            return self.where(column, "=", keys[0], boolean)  # type: ignore[attr-defined, no-any-return]
        return self.where_in(column, keys, boolean)  # type: ignore[attr-defined, no-any-return]

    def where_attached_to(
        self, model: Model | Sequence[Model], relation: str | None = None, boolean: str = "and"
    ) -> Self:
        """Rows attached (through a many-to-many relation) to ``model`` or any of the models.

        Without ``relation`` the plural of the model's class (``tags``) is used, else the
        only many-to-many relation to that class.
        """
        from parvel.orm.relations.belongs_to_many import BelongsToMany
        from parvel.support import Str

        models = list(model) if isinstance(model, Sequence) or hasattr(model, "items") else [model]  # type: ignore[arg-type]
        if not models:
            raise InvalidRelationUse("where_attached_to() needs at least one model.")
        related = type(models[0])
        name = relation or Str.plural(Str.snake(related.__name__))
        relations = self.model._info().relations
        if relation is None and name not in relations:
            matches = [
                n
                for n, r in relations.items()
                if isinstance(r, BelongsToMany) and r.related is related
            ]
            if len(matches) == 1:
                name = matches[0]
        definition = self.model.relation_definition(name)
        if not isinstance(definition, BelongsToMany):
            raise InvalidRelationUse(
                f"{self.model.__name__}.{name} is not a many-to-many relation."
            )
        keys = [m.get_key() for m in models]
        return self.has(
            name,
            ">=",
            1,
            boolean,
            lambda q: q.where_in(related.qualify_column(related.primary_key), keys),
        )

    def or_where_belongs_to(
        self, model: Model | Sequence[Model], relation: str | None = None
    ) -> Self:
        """``or`` :meth:`where_belongs_to`."""
        return self.where_belongs_to(model, relation, "or")
