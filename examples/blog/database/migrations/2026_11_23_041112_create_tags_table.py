from parvel.database.migrations import Migration


class CreateTagsTable(Migration):
    async def up(self) -> None:
        async with self.schema.create("tags") as table:
            table.id()
            table.string("name", 50)
            table.string("slug", 50).unique()
            table.timestamps()

    async def down(self) -> None:
        await self.schema.drop_if_exists("tags")
