"""Flask + SQLAlchemy 2 ORM (psycopg 3 driver) + Jinja2, served over WSGI."""
