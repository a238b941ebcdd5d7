"""A controller with an injected service (the benchmark's DI path)."""

from parvel.http import Controller, Response


class Greeter:
    def greeting(self) -> str:
        return "Hello, World!"


class HelloController(Controller):
    def __init__(self, greeter: Greeter) -> None:
        self.greeter = greeter

    async def plaintext(self) -> Response:
        return Response(self.greeter.greeting(), media_type="text/plain")

    async def json(self) -> dict[str, str]:
        return {"message": self.greeter.greeting()}
