"""Creates the application: the one object the server, the CLI and the tests share."""

from pathlib import Path

from parvel import Application

app = (
    Application.configure(base_path=Path(__file__).resolve().parent.parent)
    .with_routing(
        web="routes/web.py",
        api="routes/api.py",
        commands="routes/console.py",
        health="/up",
    )
    .with_middleware(lambda middleware: None)
    .with_exceptions(lambda exceptions: None)
    .create()
)
