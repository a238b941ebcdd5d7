"""Application settings: production mode (no debug pages)."""

from __future__ import annotations

NAME = "Parvel TechEmpower (Masonite)"
DEBUG = False
