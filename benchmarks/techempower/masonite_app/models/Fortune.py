"""The ``fortune`` table: ``id`` and ``message``."""

from __future__ import annotations

from masoniteorm.models import Model


class Fortune(Model):
    __table__ = "fortune"
    __timestamps__ = False
