from parvel.database.migrations import Migration


class CreatePostTagTable(Migration):
    async def up(self) -> None:
        async with self.schema.create("post_tag") as table:
            table.foreign_id("post_id").constrained().cascade_on_delete()
            table.foreign_id("tag_id").constrained().cascade_on_delete()
            table.primary(["post_id", "tag_id"])

    async def down(self) -> None:
        await self.schema.drop_if_exists("post_tag")
