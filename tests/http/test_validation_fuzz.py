"""Any JSON or form shape, validated against a typical rule set, is a 200 or a 422: never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parvel import Application, Route
from parvel.http import Request

RULES = {
    "title": "required|string|min:3|max:255",
    "email": "required|email|max:255",
    "age": "nullable|integer|between:0,150",
    "tags": "array|max:10",
    "tags.*": "string|distinct|max:20",
    "meta.published": "boolean",
    "starts_at": "nullable|date|after:2000-01-01",
    "price": "nullable|numeric|decimal:0,2",
    "items.*.qty": "required_with:items|integer|min:1",
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=20,
)
payloads = st.one_of(
    st.dictionaries(st.sampled_from([*RULES, "items", "meta", "other"]), json_values, max_size=9),
    json_values,
)


async def store(request: Request) -> Any:
    return await request.validate(RULES)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    def routes(app: Application) -> None:
        with Route.middleware("api").group():
            Route.post("/validate", store)

    base = tmp_path_factory.mktemp("fuzz")
    return Application.configure(base).with_routing(then=routes).create()


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=payloads)
async def test_any_json_body_is_a_200_or_a_422(fuzz_app: Any, payload: Any) -> None:
    transport = httpx.ASGITransport(app=fuzz_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.post(
            "/validate", json=payload, headers={"Accept": "application/json"}
        )
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert set(response.json()) == {"message", "errors"}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    form=st.dictionaries(
        st.sampled_from(["title", "email", "age", "tags[]", "x"]), st.text(max_size=40), max_size=5
    )
)
async def test_any_form_body_is_a_200_or_a_422(fuzz_app: Any, form: dict[str, str]) -> None:
    transport = httpx.ASGITransport(app=fuzz_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.post("/validate", data=form, headers={"Accept": "application/json"})
    assert response.status_code in (200, 422), response.text
