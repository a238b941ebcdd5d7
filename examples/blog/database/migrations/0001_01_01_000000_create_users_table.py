from parvel.database.migrations import Migration


class CreateUsersTable(Migration):
    async def up(self) -> None:
        async with self.schema.create("users") as table:
            table.id()
            table.string("name")
            table.string("email").unique()
            table.timestamp("email_verified_at").nullable()
            table.string("password")
            table.remember_token()
            table.timestamps()

        async with self.schema.create("password_reset_tokens") as table:
            table.string("email").primary()
            table.string("token")
            table.timestamp("created_at").nullable()

        async with self.schema.create("sessions") as table:
            table.string("id").primary()
            table.foreign_id("user_id").nullable().index()
            table.string("ip_address", 45).nullable()
            table.text("user_agent").nullable()
            table.long_text("payload")
            table.integer("last_activity").index()

    async def down(self) -> None:
        await self.schema.drop_if_exists("users")
        await self.schema.drop_if_exists("password_reset_tokens")
        await self.schema.drop_if_exists("sessions")
