"""Web routes: sessions, CSRF protection and cookies (the `web` middleware group)."""

from parvel import Route, view

Route.get("/", lambda: view("welcome")).name("home")
