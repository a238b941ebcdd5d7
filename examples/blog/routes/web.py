"""Web routes: sessions, CSRF protection and cookies (the `web` middleware group)."""

from parvel import Route, redirect

from app.http.controllers.comment_controller import CommentController
from app.http.controllers.post_controller import PostController

Route.get("/", lambda: redirect().route("posts.index")).name("home")
Route.resource("posts", PostController)
Route.resource("posts.comments", CommentController).only("store")
