"""Masonite 4: its ORM (psycopg2, pooled) and Jinja2 views, over WSGI, in its own venv."""
