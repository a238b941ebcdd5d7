"""Raw Starlette + asyncpg + Jinja2: the baseline every other framework is compared with."""
