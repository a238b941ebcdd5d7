"""Django: its ORM (async API, psycopg 3 with Django's connection pool) and templates, over ASGI."""
