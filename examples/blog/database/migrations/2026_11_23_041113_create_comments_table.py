from parvel.database.migrations import Migration


class CreateCommentsTable(Migration):
    async def up(self) -> None:
        async with self.schema.create("comments") as table:
            table.id()
            table.foreign_id("post_id").constrained().cascade_on_delete()
            table.foreign_id("user_id").constrained().cascade_on_delete()
            table.text("body")
            table.timestamps()

    async def down(self) -> None:
        await self.schema.drop_if_exists("comments")
