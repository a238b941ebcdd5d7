from parvel import env

from app.providers.app_service_provider import AppServiceProvider

config = {
    "name": env("APP_NAME", "Parvel"),
    "env": env("APP_ENV", "production"),
    "debug": env("APP_DEBUG", False),
    "url": env("APP_URL", "http://127.0.0.1:8000"),
    "timezone": "UTC",
    "locale": env("APP_LOCALE", "en"),
    "fallback_locale": env("APP_FALLBACK_LOCALE", "en"),
    "cipher": "aes-256-gcm",
    "key": env("APP_KEY"),
    "previous_keys": env("APP_PREVIOUS_KEYS", ""),
    "maintenance": {"driver": "file"},
    "providers": [AppServiceProvider],
}
