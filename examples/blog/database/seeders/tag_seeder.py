from parvel.database.seeding import Seeder
from parvel.support import Str

from app.models.tag import Tag

NAMES = [
    "Python",
    "Async",
    "Databases",
    "Templates",
    "Testing",
    "Security",
    "Performance",
    "Tutorials",
    "Release notes",
    "Community",
]


class TagSeeder(Seeder):
    async def run(self) -> None:
        """Create ten tags with readable names."""
        for name in NAMES:
            await Tag.first_or_create({"slug": Str.slug(name)}, {"name": name})
