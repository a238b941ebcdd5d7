"""Parvel's testing toolkit: pytest plugin, TestClient, TestResponse, DatabaseTester, time travel.

See docs/testing.md.
"""

from parvel.testing._fluent_json import AssertableJson
from parvel.testing.client import TestClient
from parvel.testing.console import CommandResult, PendingCommand
from parvel.testing.database import DatabaseTester
from parvel.testing.response import TestResponse
from parvel.testing.time import freeze_time, travel, travel_back, travel_to
from parvel.testing.views import TestView, render_blade, render_component, render_view

__all__ = [
    "AssertableJson",
    "CommandResult",
    "DatabaseTester",
    "PendingCommand",
    "TestClient",
    "TestResponse",
    "TestView",
    "freeze_time",
    "render_blade",
    "render_component",
    "render_view",
    "travel",
    "travel_back",
    "travel_to",
]
