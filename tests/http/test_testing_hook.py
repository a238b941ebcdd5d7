from __future__ import annotations

from typing import Any

from parvel.http._context import TESTING_KEY, scope_test_record
from parvel.http.requests import Request


def test_scope_test_record_reads_the_scope_key() -> None:
    record: dict[str, Any] = {}
    assert scope_test_record({TESTING_KEY: record}) is record
    assert scope_test_record({"type": "http"}) is None
    assert scope_test_record(None) is None


async def test_real_requests_record_nothing(make_app: Any, client: Any) -> None:

    scopes: list[dict[str, Any]] = []

    def routes(router: Any) -> None:
        async def page(request: Request) -> Any:
            scopes.append(request.scope)
            return {"ok": True}

        router.get("/page", page)

    app = make_app(routes)
    async with client(app) as http:
        await http.get("/page")
    assert len(scopes) == 1
    assert TESTING_KEY not in scopes[0]
