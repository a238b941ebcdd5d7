from parvel import ServiceProvider
from parvel.facades import View
from parvel.http import route, url


class AppServiceProvider(ServiceProvider):
    def register(self) -> None:
        """Register any application services."""

    def boot(self) -> None:
        """Give every view the URL helpers."""
        View.share({"route": route, "url": url})
