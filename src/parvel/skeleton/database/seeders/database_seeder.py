from parvel.database.seeding import Seeder


class DatabaseSeeder(Seeder):
    async def run(self) -> None:
        """Seed the application's database: call other seeders with self.call([...])."""
