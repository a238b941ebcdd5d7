"""The model builder: query-builder passthrough, pagination, streaming."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from parvel.database import Connection
from parvel.http import JsonResource
from parvel.orm import Collection, ScopeNotFound


async def make_posts(m: SimpleNamespace, n: int) -> None:
    for i in range(n):
        await m.Post.create(title=f"p{i:02d}", votes=i)


async def test_every_builder_method_is_reachable(db: Connection, m: SimpleNamespace) -> None:
    await make_posts(m, 5)
    posts = await m.Post.where("votes", ">", 1).order_by("votes", "desc").limit(2).get()
    assert isinstance(posts, Collection)
    assert [p.votes for p in posts] == [4, 3]
    assert await m.Post.where_between("votes", [1, 3]).count() == 3
    assert await m.Post.where("votes", ">=", 3).max("votes") == 4
    assert await m.Post.where_in("votes", [1, 2]).pluck("title") == ["p01", "p02"]
    assert await m.Post.query().order_by("id").value("title") == "p00"
    assert await m.Post.where("votes", 99).exists() is False
    first = await m.Post.oldest("id").first()
    assert first.title == "p00"
    assert (await m.Post.latest("votes").first()).votes == 4
    assert await m.Post.where("votes", "<", 2).update({"body": "low"}) == 2
    assert await m.Post.where("body", "low").count() == 2


async def test_local_scopes(db: Connection, m: SimpleNamespace) -> None:
    await make_posts(m, 15)
    assert await m.Post.popular().count() == 5
    assert await m.Post.where("votes", "<", 12).popular().count() == 2
    assert await m.Post.query().scope("popular", 14).count() == 1
    with pytest.raises(ScopeNotFound, match="Local scopes: popular"):
        m.Post.query().unpopular()


async def test_paginate_json_shape_and_links(db: Connection, m: SimpleNamespace) -> None:
    await make_posts(m, 23)
    page = await m.Post.order_by("id").paginate(10, page=2)
    assert page.total() == 23
    assert page.last_page() == 3
    assert [p.title for p in page][:2] == ["p10", "p11"]
    data = json.loads(page.to_json())
    assert data["current_page"] == 2
    assert data["data"][0]["title"] == "p10"
    resource = json.loads(page.to_resource_collection(JsonResource).to_response(None).body)
    assert set(resource) == {"data", "links", "meta"}
    assert resource["meta"]["total"] == 23
    html = str(page.links())
    assert 'aria-label="Pagination Navigation"' in html
    assert (
        '<li class="page-item active" aria-current="page"><span class="page-link">2</span>' in html
    )
    assert 'href="/?page=3" rel="next"' in html
    assert hasattr(page.links(), "__html__")
    simple = await m.Post.order_by("id").simple_paginate(10, page=3)
    assert len(simple) == 3
    assert simple.next_page_url() is None
    cursor_page = await m.Post.query().cursor_paginate(10)
    assert len(cursor_page) == 10
    nxt = await m.Post.query().cursor_paginate(10, cursor=cursor_page.next_cursor())
    assert nxt.items()[0].title == "p10"
    assert (await m.Post.where("votes", 0).paginate(10)).links() == ""


async def test_links_renderer_hook(db: Connection, m: SimpleNamespace) -> None:
    from parvel.orm import set_links_renderer

    await make_posts(m, 3)
    page = await m.Post.query().paginate(1)
    set_links_renderer(lambda paginator, view, data: f"<custom {view}>{paginator.total()}")
    try:
        assert str(page.links("pagination::simple")) == "<custom pagination::simple>3"
    finally:
        set_links_renderer(None)


async def test_chunk_lazy_cursor(db: Connection, m: SimpleNamespace) -> None:
    await make_posts(m, 7)
    seen: list[int] = []

    async def take(models: Collection[object], page: int) -> None:
        seen.extend(p.votes for p in models)

    await m.Post.chunk(3, take)
    assert seen == list(range(7))
    assert [p.votes async for p in m.Post.lazy(2)] == list(range(7))
    assert sorted([p.votes async for p in m.Post.cursor()]) == list(range(7))
    assert await m.Post.find_many([]) == Collection([])
    assert len(await m.Post.find_many([1, 2])) == 2
