"""Paginators: pure containers of one page of results with Laravel's JSON shape.

``DB.table("users").paginate(15)`` returns a :class:`LengthAwarePaginator`;
``simple_paginate`` a :class:`Paginator`; ``cursor_paginate`` a :class:`CursorPaginator`.
"""

from __future__ import annotations

from parvel.database.pagination.cursor import Cursor, CursorPaginator
from parvel.database.pagination.paginator import AbstractPaginator, LengthAwarePaginator, Paginator

__all__ = ["AbstractPaginator", "Cursor", "CursorPaginator", "LengthAwarePaginator", "Paginator"]
