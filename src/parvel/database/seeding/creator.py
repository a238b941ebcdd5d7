"""``make:seeder``: write a new seeder file from ``stubs/seeder.stub``."""

from __future__ import annotations

from pathlib import Path

from parvel.database.migrations.creator import render_stub, snake, studly
from parvel.database.seeding.exceptions import SeederError

STUBS = Path(__file__).parent / "stubs"


def create_seeder(name: str, path: str | Path, *, stub_path: str | Path | None = None) -> Path:
    """Write ``<path>/<snake_name>.py`` holding ``class <Name>(Seeder)``; return the file.

    ``make:seeder UserSeeder`` writes ``user_seeder.py`` with ``class UserSeeder``.
    """
    class_name = studly(name)
    if not class_name or not class_name[0].isalpha():
        raise SeederError(f"Invalid seeder name {name!r}.", hint="Use a name like UserSeeder.")
    folder = Path(path)
    file = folder / f"{snake(class_name)}.py"
    if file.exists():
        raise SeederError(
            f"Seeder {file} already exists.", hint="Choose another name or edit the existing file."
        )
    folder.mkdir(parents=True, exist_ok=True)
    stub = Path(stub_path) / "seeder.stub" if stub_path else STUBS / "seeder.stub"
    if not stub.is_file():
        stub = STUBS / "seeder.stub"
    file.write_text(render_stub(stub.read_text(), class_name, None), encoding="utf-8")
    return file
