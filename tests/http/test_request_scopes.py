"""Request scopes: opened before each request, closed after the response, errors reported."""

from __future__ import annotations

from typing import Any

import pytest

from parvel import DB, Route


class RecordingScope:
    def __init__(self, events: list[str], fail_on_exit: bool = False) -> None:
        self.events = events
        self.fail_on_exit = fail_on_exit

    def enter(self) -> object:
        self.events.append("enter")
        return len(self.events)

    async def exit(self, token: Any) -> None:
        self.events.append(f"exit {token}")
        if self.fail_on_exit:
            raise RuntimeError("scope exit failed")


async def test_scopes_wrap_each_request_even_when_the_handler_raises(make_app, client) -> None:
    events: list[str] = []

    def routes(router: Any) -> None:
        async def ok() -> str:
            events.append("handler")
            return "ok"

        async def boom() -> str:
            raise RuntimeError("handler failed")

        Route.get("/ok", ok)
        Route.get("/boom", boom)

    app = make_app(routes)
    app.request_scopes.append(RecordingScope(events))
    async with client(app) as http:
        assert (await http.get("/ok")).text == "ok"
        assert events == ["enter", "handler", "exit 1"]
        assert (await http.get("/boom")).status_code == 500
    assert events[-2:] == ["enter", "exit 4"]


async def test_a_failing_scope_exit_is_reported_not_sent(make_app, client) -> None:
    reported: list[str] = []

    def routes(router: Any) -> None:
        Route.get("/ok", lambda: "ok")

    def exceptions(config: Any) -> None:
        config.report(lambda e: reported.append(str(e)))

    app = make_app(routes, exceptions=exceptions)
    app.request_scopes.append(RecordingScope([], fail_on_exit=True))
    async with client(app) as http:
        response = await http.get("/ok")
    assert (response.status_code, response.text) == (200, "ok")
    assert reported == ["scope exit failed"]


@pytest.fixture(params=["pgsql", "mysql"])
def database(request: pytest.FixtureRequest) -> dict[str, Any]:
    service = request.getfixturevalue(f"{request.param}_service")
    connection = {
        "driver": request.param,
        "host": service.host,
        "port": service.port,
        "database": service.database,
        "username": service.user,
        "password": service.password,
        "pool": {"min_size": 1, "max_size": 1},
    }
    return {"database.default": "main", "database.connections": {"main": connection}}


async def test_a_request_keeps_one_database_session(make_app, client, database) -> None:
    session_id = (
        "select pg_backend_pid()"
        if database["database.connections"]["main"]["driver"] == "pgsql"
        else "select connection_id()"
    )

    def routes(router: Any) -> None:
        async def ids() -> dict[str, Any]:
            seen = [await DB.scalar(session_id) for _ in range(20)]
            async with DB.transaction():
                seen.append(await DB.scalar(session_id))
            return {"distinct": len(set(seen))}

        Route.get("/ids", ids)

    app = make_app(routes, config=database)
    try:
        async with client(app) as http:
            for _ in range(3):  # the one-connection pool would starve if a request kept it
                response = await http.get("/ids")
                assert response.json() == {"distinct": 1}
    finally:
        await app.make("db").disconnect_all()
