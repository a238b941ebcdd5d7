from app.hello import HelloController

from parvel.routing import Route

Route.get("/plaintext", [HelloController, "plaintext"]).name("plaintext")
Route.get("/json", [HelloController, "json"]).name("json")
