"""Parvel through its full stack: routes/api.py in the ``api`` group, a controller with
constructor injection, the default global middleware."""

from pathlib import Path

from parvel.foundation import Application

app = (
    Application.configure(base_path=Path(__file__).resolve().parent / "parvel_site")
    .with_routing(api="routes/api.py", api_prefix="", health="/up")
    .create()
)
