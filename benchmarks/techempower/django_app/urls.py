"""URL patterns of the TechEmpower tests."""

from __future__ import annotations

from benchmarks.techempower.django_app import views
from django.urls import path

urlpatterns = [
    path("plaintext", views.plaintext),
    path("json", views.json),
    path("db", views.single_query),
    path("queries", views.queries),
    path("fortunes", views.fortunes),
    path("updates", views.updates),
]
