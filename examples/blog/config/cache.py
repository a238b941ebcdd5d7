from parvel import env

config = {
    "default": env("CACHE_STORE", "file"),
    "stores": {
        "array": {"driver": "array"},
        "file": {"driver": "file", "path": "storage/framework/cache/data"},
        "database": {
            "driver": "database",
            "connection": env("DB_CACHE_CONNECTION"),
            "table": "cache",
        },
        "redis": {"driver": "redis", "connection": "cache"},
    },
    "prefix": env("CACHE_PREFIX", "parvel_cache_"),
}
