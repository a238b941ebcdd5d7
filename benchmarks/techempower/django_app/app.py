"""The ASGI application of the Django TechEmpower app (``app:app`` like the other apps)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.techempower.django_app.settings")

from django.core.asgi import get_asgi_application

app = get_asgi_application()
