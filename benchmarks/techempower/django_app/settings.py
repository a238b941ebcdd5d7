"""Django settings for the TechEmpower app: no middleware, PostgreSQL with a fixed-size pool."""

from __future__ import annotations

from pathlib import Path

from benchmarks.techempower import common

DEBUG = False
SECRET_KEY = "techempower-benchmark-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["benchmarks.techempower.django_app"]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "benchmarks.techempower.django_app.urls"
USE_TZ = True
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": common.PG_HOST,
        "PORT": common.PG_PORT,
        "USER": common.PG_USER,
        "PASSWORD": common.PG_PASSWORD,
        "NAME": common.PG_DATABASE,
        "OPTIONS": {"pool": {"min_size": common.POOL_SIZE, "max_size": common.POOL_SIZE}},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
