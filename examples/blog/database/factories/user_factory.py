"""The User factory."""

from __future__ import annotations

from typing import Any

from parvel.orm import Factory
from parvel.support import clock

from app.models.user import User

# One hash for every fake user ("password"): hashing per row would make seeding slow.
PASSWORD_HASH = "$2b$10$rQCBjY9hsEMxe1/WDp4ZTOKhf0DhtoI.Nc03GcuZocrZoYMpQtrIC"


class UserFactory(Factory[User]):
    """Builds User models with fake data."""

    model = User

    def definition(self) -> dict[str, Any]:
        """The default attributes of a User."""
        return {
            "name": self.faker.name(),
            "email": self.faker.unique.safe_email(),
            "email_verified_at": clock.now(),
            "password": PASSWORD_HASH,
        }
