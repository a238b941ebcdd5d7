from parvel import env

config = {
    "default": env("QUEUE_CONNECTION", "database"),
    "connections": {
        "sync": {"driver": "sync"},
        "database": {
            "driver": "database",
            "connection": env("DB_QUEUE_CONNECTION"),
            "table": "jobs",
            "queue": "default",
            "retry_after": 90,
        },
        "redis": {
            "driver": "redis",
            "connection": "default",
            "queue": env("REDIS_QUEUE", "default"),
            "retry_after": 90,
        },
    },
    "failed": {"driver": "database", "table": "failed_jobs"},
}
