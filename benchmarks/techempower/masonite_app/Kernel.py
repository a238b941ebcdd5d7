"""The application kernel: where configuration, controllers, routes and views live.

No middleware: like Masonite's ``api`` route group (and Parvel's app), the benchmark routes are
stateless, without sessions, cookies or CSRF checks.
"""

from __future__ import annotations

from masonite.configuration.Configuration import Configuration
from masonite.foundation import Application
from masonite.routes import Route
from masonite.utils.structures import load

PACKAGE = "benchmarks.techempower.masonite_app"


class Kernel:
    http_middleware: list[type] = []
    route_middleware: dict[str, list[type]] = {}

    def __init__(self, application: Application) -> None:
        self.application = application

    def register(self) -> None:
        self.register_configurations()
        self.register_middleware()
        self.register_routes()
        self.register_views()

    def register_configurations(self) -> None:
        self.application.bind("config.location", f"{PACKAGE}.config")
        configuration = Configuration(self.application)
        configuration.load()
        self.application.bind("config", configuration)
        self.application.bind("controllers.location", f"{PACKAGE}.controllers")

    def register_middleware(self) -> None:
        middleware = self.application.make("middleware")
        middleware.add(self.route_middleware).add(self.http_middleware)

    def register_routes(self) -> None:
        Route.set_controller_locations(self.application.make("controllers.location"))
        self.application.bind("routes.location", f"{PACKAGE}.routes.web")
        routes = load(self.application.make("routes.location"), "ROUTES")
        self.application.make("router").add(Route.group(routes))

    def register_views(self) -> None:
        self.application.bind("views.location", PACKAGE.replace(".", "/") + "/templates")
