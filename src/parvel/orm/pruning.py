"""``Prunable`` / ``MassPrunable``: models that delete their own stale rows (``model:prune``).

A model mixing one in defines ``prunable()`` returning the query of rows to delete.
``Prunable`` deletes them one model at a time (calling ``pruning()`` first and firing
events); ``MassPrunable`` deletes them with one ``DELETE`` (no events). Soft-deleting models
are force-deleted. ``model:prune`` finds every model with a ``prunable()`` method.
"""

from __future__ import annotations

from typing import Any, ClassVar


class Prunable:
    """Mixin: ``model:prune`` deletes what ``prunable()`` matches, model by model."""

    mass_prunable: ClassVar[bool] = False

    @classmethod
    def prunable(cls) -> Any:
        """The query of rows to delete (override it)."""
        raise NotImplementedError(f"{cls.__name__}.prunable() must return a query.")

    def pruning(self) -> Any:
        """Called before the model is pruned (override it: delete files ...)."""
        return None

    @classmethod
    async def prune_all(cls, chunk_size: int = 1000) -> int:
        """Delete every prunable row now; returns how many were deleted."""
        from parvel.orm.console.commands import prune_model

        return await prune_model(cls, chunk=chunk_size)  # type: ignore[arg-type]


class MassPrunable(Prunable):
    """Mixin: like :class:`Prunable`, with one ``DELETE`` and no model events."""

    mass_prunable: ClassVar[bool] = True
