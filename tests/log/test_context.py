from __future__ import annotations

import asyncio
import contextvars

from parvel.log import add_log_context, current_log_context, log_context, request_id


def test_empty_by_default() -> None:
    assert contextvars.Context().run(current_log_context) == {}


def test_log_context_is_scoped() -> None:
    def scenario() -> None:
        with log_context({"job": "Send"}, attempt=2):
            assert current_log_context() == {"job": "Send", "attempt": 2}
            with log_context(attempt=3):
                assert current_log_context() == {"job": "Send", "attempt": 3}
            assert current_log_context()["attempt"] == 2
        assert current_log_context() == {}

    contextvars.Context().run(scenario)


def test_request_id_included() -> None:
    def scenario() -> None:
        request_id.set("req-1")
        add_log_context(user=5)
        assert current_log_context() == {"user": 5, "request_id": "req-1"}

    contextvars.Context().run(scenario)


async def test_tasks_do_not_share_context() -> None:
    seen: dict[str, dict[str, object]] = {}

    async def request(rid: str) -> None:
        request_id.set(rid)
        add_log_context(path=f"/{rid}")
        await asyncio.sleep(0)
        seen[rid] = current_log_context()

    await asyncio.gather(request("a"), request("b"))
    assert seen == {
        "a": {"path": "/a", "request_id": "a"},
        "b": {"path": "/b", "request_id": "b"},
    }
    assert request_id.get() is None
