"""The one function turning whatever a handler returned into a response."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

from starlette.responses import Response as BaseResponse

from parvel.http._context import scope_test_record
from parvel.http.responses import JsonResponse, Response, dumps


async def to_response(value: Any, request: Any) -> BaseResponse:
    """Convert a handler's return value.

    Responses pass through; ``str`` is HTML; ``dict``/``list``, models and collections
    (``to_dict()``/``to_list()``), dataclasses and pydantic models become JSON; ``None`` is an
    empty 200; objects with ``to_response(request)`` (Responsable) build their own; views
    (``render()``) render to HTML.
    """
    if isinstance(value, BaseResponse):
        return value
    kind = type(value)
    if kind is dict or kind is list:
        return JsonResponse(value)
    if kind is str:
        return Response(value)
    if value is None:
        return Response(b"")
    if inspect.isawaitable(value):
        return await to_response(await value, request)
    responder = getattr(value, "to_response", None)
    if callable(responder):
        result = responder(request)
        if hasattr(result, "__await__"):
            result = await result
        return await to_response(result, request)
    if any(
        callable(getattr(value, m, None)) for m in ("__json__", "to_dict", "to_list", "model_dump")
    ):  # models, collections, paginators (a paginator's render() is its links, not the page)
        return Response(dumps(value), media_type="application/json")
    if hasattr(value, "__html__"):
        return Response(str(value.__html__()))
    render = getattr(value, "render", None)
    if callable(render):
        testing = scope_test_record(getattr(request, "scope", None))
        if testing is not None:  # the TestClient's hook: assert_view_is / assert_view_has
            testing["view"] = value
        rendered = render()
        if hasattr(rendered, "__await__"):
            rendered = await rendered
        return Response(str(rendered))
    if isinstance(value, bytes | bytearray | memoryview):
        return Response(bytes(value), media_type="application/octet-stream")
    if isinstance(value, dict | list | tuple | set | frozenset):
        return JsonResponse(list(value) if isinstance(value, tuple | set | frozenset) else value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return JsonResponse(dataclasses.asdict(value))
    if isinstance(value, int | float | bool):
        return Response(str(value))
    return Response(str(value))
