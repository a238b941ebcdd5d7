"""API routes: stateless, under the /api prefix (the `api` middleware group)."""

from parvel import Route

from app.http.controllers.api.post_controller import PostController

Route.get("/status", lambda: {"status": "ok"}).name("api.status")
Route.api_resource("posts", PostController).names("api.posts")
