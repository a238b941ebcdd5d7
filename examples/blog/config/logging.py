from parvel import env

config = {
    "default": env("LOG_CHANNEL", "stack"),
    "channels": {
        "stack": {
            "driver": "stack",
            "channels": (env("LOG_STACK", "single") or "single").split(","),
            "ignore_exceptions": False,
        },
        "single": {
            "driver": "single",
            "path": "storage/logs/parvel.log",
            "level": env("LOG_LEVEL", "debug"),
        },
        "daily": {
            "driver": "daily",
            "path": "storage/logs/parvel.log",
            "level": env("LOG_LEVEL", "debug"),
            "days": env("LOG_DAILY_DAYS", 14),
        },
        "stderr": {"driver": "stderr", "level": env("LOG_LEVEL", "debug"), "formatter": "text"},
        "json": {"driver": "stderr", "level": env("LOG_LEVEL", "debug"), "formatter": "json"},
        "null": {"driver": "null"},
    },
}
