from parvel import env

config = {
    "driver": env("SESSION_DRIVER", "file"),
    "lifetime": env("SESSION_LIFETIME", 120),
    "expire_on_close": env("SESSION_EXPIRE_ON_CLOSE", False),
    "encrypt": env("SESSION_ENCRYPT", False),
    "files": "storage/framework/sessions",
    "connection": env("SESSION_CONNECTION"),
    "table": env("SESSION_TABLE", "sessions"),
    "store": env("SESSION_STORE"),
    "lottery": [2, 100],
    "cookie": env("SESSION_COOKIE", "parvel_session"),
    "path": env("SESSION_PATH", "/"),
    "domain": env("SESSION_DOMAIN"),
    "secure": env("SESSION_SECURE_COOKIE"),
    "http_only": env("SESSION_HTTP_ONLY", True),
    "same_site": env("SESSION_SAME_SITE", "lax"),
}
