"""FastAPI + SQLAlchemy 2 async ORM (asyncpg driver) + Jinja2 templates."""
