import random

from parvel.database.seeding import Seeder

from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User
from database.factories.post_factory import PostFactory


class PostSeeder(Seeder):
    async def run(self) -> None:
        """Five authors write 30 posts (three of them drafts), each tagged with 1-3 tags."""
        users = await User.factory().count(5).create()
        tags = await Tag.all()
        posts = await Post.factory().count(27).recycle(users).create()
        posts = posts.merge(await PostFactory().count(3).draft().recycle(users).create())
        for post in posts:
            await post.tags.attach(
                [tag.id for tag in random.sample(list(tags), k=random.randint(1, 3))]
            )
