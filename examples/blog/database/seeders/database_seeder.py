from parvel.database.seeding import Seeder

from database.seeders.comment_seeder import CommentSeeder
from database.seeders.post_seeder import PostSeeder
from database.seeders.tag_seeder import TagSeeder


class DatabaseSeeder(Seeder):
    async def run(self) -> None:
        """Seed the blog: 5 authors, 10 tags, 30 posts with 1-3 tags each, and comments."""
        await self.call([TagSeeder, PostSeeder, CommentSeeder])
