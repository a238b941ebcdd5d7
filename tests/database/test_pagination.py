import pytest

import parvel.database.pagination as pagination
from parvel.database import InvalidCursor
from parvel.database.pagination import Cursor, CursorPaginator, LengthAwarePaginator, Paginator
from parvel.database.pagination.paginator import AbstractPaginator


def test_public_names() -> None:
    assert pagination.__all__ == sorted(pagination.__all__)
    assert set(pagination.__all__) == {n for n in dir(pagination) if n[0].isupper()}


def test_length_aware_json_shape() -> None:
    page = LengthAwarePaginator(
        [{"id": 4}, {"id": 5}, {"id": 6}], total=10, per_page=3, current_page=2, path="/users"
    )
    assert page.to_dict() == {
        "current_page": 2,
        "data": [{"id": 4}, {"id": 5}, {"id": 6}],
        "first_page_url": "/users?page=1",
        "from": 4,
        "last_page": 4,
        "last_page_url": "/users?page=4",
        "links": [
            {"url": "/users?page=1", "label": "&laquo; Previous", "active": False},
            {"url": "/users?page=1", "label": "1", "active": False},
            {"url": "/users?page=2", "label": "2", "active": True},
            {"url": "/users?page=3", "label": "3", "active": False},
            {"url": "/users?page=4", "label": "4", "active": False},
            {"url": "/users?page=3", "label": "Next &raquo;", "active": False},
        ],
        "next_page_url": "/users?page=3",
        "path": "/users",
        "per_page": 3,
        "prev_page_url": "/users?page=1",
        "to": 6,
        "total": 10,
    }


def test_url_window_collapses_long_ranges() -> None:
    page = LengthAwarePaginator([], total=500, per_page=10, current_page=25)
    labels = [link["label"] for link in page.link_collection()]
    assert labels == [
        "&laquo; Previous", "1", "2", "...", "22", "23", "24", "25", "26", "27", "28", "...", "49", "50", "Next &raquo;",
    ]  # fmt: skip
    near_start = [link["label"] for link in LengthAwarePaginator([], 500, 10, 2).link_collection()]
    assert near_start[1:11] == [str(n) for n in range(1, 10)] + ["..."]


def test_appends_and_empty_page() -> None:
    page = LengthAwarePaginator([], total=0, per_page=15, current_page=1).appends("sort", "name")
    assert page.url(2) == "/?sort=name&page=2"
    data = page.to_dict()
    assert data["from"] is None
    assert data["next_page_url"] is None
    assert data["last_page"] == 1


def test_simple_paginator_uses_the_extra_row() -> None:
    page = Paginator([1, 2, 3], per_page=2, current_page=1)
    assert page.items() == [1, 2]
    assert page.has_more_pages()
    assert page.to_dict()["next_page_url"] == "/?page=2"
    assert set(page.to_dict()) == {
        "current_page", "current_page_url", "data", "first_page_url", "from", "next_page_url", "path", "per_page",
        "prev_page_url", "to",
    }  # fmt: skip


def test_page_resolver_is_pluggable() -> None:
    try:
        LengthAwarePaginator.current_page_resolver(lambda name: {"page": "3"}.get(name))
        assert LengthAwarePaginator.resolve_current_page() == 3
        LengthAwarePaginator.current_page_resolver(lambda name: "-2")
        assert LengthAwarePaginator.resolve_current_page() == 1
        LengthAwarePaginator.current_page_resolver(lambda name: "abc")
        assert LengthAwarePaginator.resolve_current_page() == 1
    finally:
        LengthAwarePaginator.current_page_resolver(lambda name: None)


def test_cursor_round_trip_and_bad_cursor() -> None:
    cursor = Cursor({"id": 15, "name": "x"}, points_to_next_items=False)
    decoded = Cursor.decode(cursor.encode())
    assert decoded is not None
    assert decoded.parameters == {"id": 15, "name": "x"}
    assert decoded.points_to_previous_items()
    with pytest.raises(InvalidCursor):
        Cursor.decode("not-a-cursor!!")
    paginator = CursorPaginator(
        [{"id": 1}, {"id": 2}], per_page=2, parameters=["id"], has_more=True
    )
    assert set(paginator.to_dict()) == {
        "data",
        "path",
        "per_page",
        "next_cursor",
        "next_page_url",
        "prev_cursor",
        "prev_page_url",
    }


def test_paginator_data_are_methods_as_in_laravel() -> None:
    page = LengthAwarePaginator(["c", "d"], total=5, per_page=2, current_page=2, path="/users")
    assert (page.total(), page.per_page(), page.current_page(), page.last_page()) == (5, 2, 2, 3)
    assert (page.items(), page.count(), page.first_item(), page.last_item()) == (
        ["c", "d"],
        2,
        3,
        4,
    )
    assert page.path() == "/users"
    assert page.get_page_name() == "page"
    assert page.is_not_empty()
    assert not page.is_empty()


def test_with_query_string_keeps_the_current_query_but_not_the_page() -> None:
    before = AbstractPaginator._query_resolver
    AbstractPaginator.query_string_resolver(lambda: {"tag": "python", "page": "2"})
    try:
        page = LengthAwarePaginator([1], total=9, per_page=1, current_page=2, path="/posts")
        page.with_query_string()
        assert page.next_page_url() == "/posts?tag=python&page=3"
    finally:
        AbstractPaginator._query_resolver = before


def test_on_each_side_narrows_the_window() -> None:
    page = LengthAwarePaginator(list(range(1)), total=50, per_page=1, current_page=25)
    wide = page.elements()
    narrow = page.on_each_side(1).elements()
    assert len(wide[2]) == 7  # type: ignore[arg-type]
    assert len(narrow[2]) == 3  # type: ignore[arg-type]


def test_cursor_paginator_url_options() -> None:
    page = CursorPaginator(
        [{"id": 1}, {"id": 2}], per_page=2, path="/posts", parameters=["id"], has_more=True
    )
    assert page.on_first_page()
    assert not page.on_last_page()
    assert page.has_pages()
    assert page.count() == 2
    assert page.is_not_empty()
    assert not page.is_empty()
    page.appends("sort", "new").fragment("list").set_cursor_name("after").with_path("/p")
    url = page.next_page_url()
    assert url is not None
    assert url.startswith("/p?sort=new&after=")
    assert url.endswith("#list")
    assert page.get_cursor_name() == "after"
    AbstractPaginator.query_string_resolver(lambda: {"tag": "py", "after": "x"})
    try:
        page.with_query_string()
    finally:
        AbstractPaginator._query_resolver = None
    assert "tag=py" in (page.next_page_url() or "")
    assert page.through(lambda row: {**row, "seen": True}).items()[0] == {"id": 1, "seen": True}


def test_paginator_options_dict_as_in_laravel() -> None:
    page = LengthAwarePaginator(
        [{"id": 1}], 30, 10, 2, {"path": "/users", "query": {"q": "a"}, "fragment": "top"}
    )
    assert page.path() == "/users"
    assert page.url(3) == "/users?q=a&page=3#top"
    simple = Paginator([1, 2, 3], 2, 1, {"path": "/p", "pageName": "p"})
    assert simple.next_page_url() == "/p?p=2"
