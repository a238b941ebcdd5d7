"""Parvel: an async-first Python web framework inspired by Laravel.

The names an application imports every day are re-exported here. They load lazily, so that
``parvel --version`` and ``parvel list`` stay fast.
"""

from __future__ import annotations

from parvel.__about__ import __version__
from parvel.exceptions import ParvelError

__all__ = ["ParvelError", "__version__"]
