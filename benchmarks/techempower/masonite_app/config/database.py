"""Masonite ORM connections: the shared benchmark database, pooled like the other apps.

Masonite ORM reads this module through ``DB_CONFIG_PATH`` (set by the app before it boots).
"""

from __future__ import annotations

from benchmarks.techempower import common
from masoniteorm.connections import ConnectionResolver

DATABASES = {
    "default": "postgres",
    "postgres": {
        "driver": "postgres",
        "host": common.PG_HOST,
        "port": common.PG_PORT,
        "user": common.PG_USER,
        "password": common.PG_PASSWORD,
        "database": common.PG_DATABASE,
        "prefix": "",
        "log_queries": False,
        "connection_pooling_enabled": True,
        "connection_pooling_min_size": common.POOL_SIZE,
        "connection_pooling_max_size": common.POOL_SIZE,
    },
}

DB = ConnectionResolver().set_connection_details(DATABASES)
