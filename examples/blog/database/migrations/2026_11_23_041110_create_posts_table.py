from parvel.database.migrations import Migration


class CreatePostsTable(Migration):
    async def up(self) -> None:
        async with self.schema.create("posts") as table:
            table.id()
            table.foreign_id("user_id").constrained().cascade_on_delete()
            table.string("title")
            table.string("slug").unique()
            table.text("body")
            table.timestamp("published_at").nullable().index()
            table.timestamps()

    async def down(self) -> None:
        await self.schema.drop_if_exists("posts")
