"""Parvel's testing toolkit: the pytest plugin, TestClient, TestResponse, time travel.

See docs/testing.md.
"""

from parvel.testing.client import TestClient
from parvel.testing.response import TestResponse
from parvel.testing.time import freeze_time, travel, travel_back, travel_to

__all__ = [
    "TestClient",
    "TestResponse",
    "freeze_time",
    "travel",
    "travel_back",
    "travel_to",
]
