"""Where the ORM's generators write files (bound by the ORM provider from the app's paths)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ModelPaths:
    """The app folders the ``make:*`` commands write into.

    Attributes:
        base: The app's root folder.
    """

    base: Path

    @classmethod
    def from_app(cls, app: Any) -> ModelPaths:
        """Read the paths of an application."""
        return cls(Path(app.base_path()))

    @property
    def models(self) -> Path:
        """``app/models``."""
        return self.base / "app" / "models"

    @property
    def factories(self) -> Path:
        """``database/factories``."""
        return self.base / "database" / "factories"

    @property
    def migrations(self) -> Path:
        """``database/migrations``."""
        return self.base / "database" / "migrations"

    @property
    def seeders(self) -> Path:
        """``database/seeders``."""
        return self.base / "database" / "seeders"

    @property
    def controllers(self) -> Path:
        """``app/http/controllers``."""
        return self.base / "app" / "http" / "controllers"

    @property
    def policies(self) -> Path:
        """``app/policies``."""
        return self.base / "app" / "policies"

    @property
    def observers(self) -> Path:
        """``app/observers``."""
        return self.base / "app" / "observers"

    @property
    def casts(self) -> Path:
        """``app/casts``."""
        return self.base / "app" / "casts"
