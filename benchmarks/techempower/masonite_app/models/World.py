"""The ``world`` table: 10,000 rows of ``id`` and ``randomnumber``."""

from __future__ import annotations

from masoniteorm.models import Model


class World(Model):
    __table__ = "world"
    __timestamps__ = False

    def to_json(self) -> dict[str, int]:
        """The TechEmpower shape of a row."""
        return {"id": self.id, "randomNumber": self.randomnumber}
