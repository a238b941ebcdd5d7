"""Litestar + asyncpg (one pool, opened in the lifespan) + Jinja2 through Litestar's template engine.

The minimal idiomatic choice: Litestar's own docs pair it with a raw driver or with the
SQLAlchemy plugin; the raw asyncpg pool keeps this app comparable to raw Starlette.
"""
