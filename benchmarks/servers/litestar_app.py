"""Litestar peer for benchmarks/http_bench.py."""

from litestar import Litestar, MediaType, get


@get("/plaintext", media_type=MediaType.TEXT)
async def plaintext() -> str:
    return "Hello, World!"


@get("/json")
async def json() -> dict[str, str]:
    return {"message": "Hello, World!"}


app = Litestar(route_handlers=[plaintext, json], debug=False)
