from parvel import ServiceProvider


class AppServiceProvider(ServiceProvider):
    def register(self) -> None:
        """Register any application services."""

    def boot(self) -> None:
        """Bootstrap any application services."""
