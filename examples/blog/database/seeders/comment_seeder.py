import random

from parvel.database.seeding import Seeder

from app.models.comment import Comment
from app.models.post import Post
from app.models.user import User


class CommentSeeder(Seeder):
    async def run(self) -> None:
        """Every published post gets 0-5 comments by the seeded users."""
        users = list(await User.all())
        for post in await Post.published().get():
            for _ in range(random.randint(0, 5)):
                await Comment.factory().for_(post).create({"user_id": random.choice(users).id})
