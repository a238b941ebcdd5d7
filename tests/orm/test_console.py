"""The ORM's commands: make:model, make:factory, model:show, model:prune; the provider."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from parvel.database import Connection, DatabaseManager
from parvel.orm import Model
from parvel.orm.console import ModelPaths, make_factory, make_model, model_prune, model_show
from parvel.orm.provider import OrmServiceProvider
from parvel.support.console import Output


@pytest.fixture
def app_dir(tmp_path: Path, isolated_app_modules: None) -> Iterator[ModelPaths]:
    return ModelPaths(tmp_path)


def output() -> tuple[Output, io.StringIO]:
    stream = io.StringIO()
    return Output(stream=stream), stream


async def test_make_model_with_all_files(app_dir: ModelPaths) -> None:
    out, stream = output()
    code = await make_model("Post", migration=True, controller=True, resource=True, factory=True,
                            seed=True, policy=True, paths=app_dir, out=out)  # fmt: skip
    assert code == 0, stream.getvalue()
    base = app_dir.base
    model = (base / "app/models/post.py").read_text()
    assert "class Post(Model):" in model
    factory = (base / "database/factories/post_factory.py").read_text()
    assert "class PostFactory(Factory[Post]):" in factory
    assert "from app.models.post import Post" in factory
    migrations = list((base / "database/migrations").glob("*_create_posts_table.py"))
    assert len(migrations) == 1
    assert "posts" in migrations[0].read_text()
    assert (base / "database/seeders/post_seeder.py").is_file()
    controller = (base / "app/http/controllers/post_controller.py").read_text()
    assert "async def destroy(self, post: Post)" in controller
    assert "class PostPolicy" in (base / "app/policies/post_policy.py").read_text()
    assert "Model [app/models/post.py] created successfully." in stream.getvalue()
    for file in (model, factory, controller):
        compile(file, "generated", "exec")


async def test_make_model_refuses_to_overwrite(app_dir: ModelPaths) -> None:
    out, stream = output()
    assert await make_model("Post", paths=app_dir, out=out) == 0
    assert await make_model("Post", paths=app_dir, out=out) == 1
    assert "post.py already exists" in stream.getvalue()
    assert await make_model("Post", force=True, paths=app_dir, out=out) == 0
    assert await make_factory("CommentFactory", paths=app_dir, out=out) == 0
    assert (app_dir.base / "database/factories/comment_factory.py").is_file()


async def test_model_show(app_dir: ModelPaths) -> None:
    models = app_dir.models
    models.mkdir(parents=True)
    (app_dir.base / "app/__init__.py").write_text("")
    (models / "__init__.py").write_text("")
    (models / "article.py").write_text(
        "from __future__ import annotations\n"
        "from datetime import datetime\n"
        "from parvel.orm import Model, has_many\n\n"
        "class Article(Model):\n"
        "    title: str\n"
        "    published_at: datetime | None\n"
        "    fillable = ['title']\n"
        "    hidden = ['published_at']\n"
        "    revisions = has_many('Article', 'parent_id')\n"
    )
    out, stream = output()
    assert await model_show("Article", paths=app_dir, out=out) == 0
    text = stream.getvalue()
    assert "app.models.article.Article" in text
    assert "articles" in text
    assert "published_at" in text
    assert "datetime" in text
    assert "revisions" in text
    assert "HasMany" in text
    out, stream = output()
    assert await model_show("Missing", paths=app_dir, out=out) == 1
    assert "Model [Missing] not found." in stream.getvalue()


async def test_model_prune(app_dir: ModelPaths, db: Connection, m: SimpleNamespace) -> None:
    for votes in (0, 0, 5):
        await m.User.create(name="u", votes=votes)

    class StaleUser(Model):
        table = "users"

        @classmethod
        def prunable(cls):  # type: ignore[no-untyped-def]
            return cls.where("votes", 0)

    sys.modules[__name__].StaleUser = StaleUser  # type: ignore[attr-defined]
    out, stream = output()
    assert (
        await model_prune(model=[f"{__name__}.StaleUser"], pretend=True, paths=app_dir, out=out)
        == 0
    )
    assert "2 [StaleUser] records would be pruned." in stream.getvalue()
    assert await m.User.count() == 3
    assert await model_prune(model=[f"{__name__}.StaleUser"], paths=app_dir, out=out) == 0
    assert "2 [StaleUser] records pruned." in stream.getvalue()
    assert await m.User.count() == 1


def test_provider_registers_commands_and_connection(
    tmp_path: Path, isolated_app_modules: None
) -> None:
    from parvel.foundation.application import Application

    app = Application(tmp_path)
    manager = DatabaseManager(
        {
            "default": "sqlite",
            "connections": {"sqlite": {"driver": "sqlite", "database": ":memory:"}},
        }
    )
    app.instance(DatabaseManager, manager)
    provider = OrmServiceProvider(app)
    provider.register()
    provider.boot()
    try:
        assert Model.get_connection_resolver() is manager
        assert app.make(ModelPaths).base == tmp_path.resolve()
        assert make_model in app.settings["commands_registered"]
    finally:
        Model.set_connection_resolver(None)


async def test_controller_generation_delegates_to_the_http_layer(
    app_dir: ModelPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    calls: list[tuple[str, dict[str, object]]] = []

    async def make_controller(name: str, **options: object) -> int:
        app = options["app"]
        calls.append((name, {k: v for k, v in options.items() if k in {"resource", "model"}}))
        assert app.base_path("app") == app_dir.base / "app"  # type: ignore[attr-defined]
        return 0

    fake = types.ModuleType("parvel.http.console.make")
    fake.make_controller = make_controller  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "parvel.http.console.make", fake)
    out, _ = output()
    assert await make_model("Invoice", resource=True, paths=app_dir, out=out) == 0
    assert calls == [("InvoiceController", {"resource": True, "model": "Invoice"})]


def test_make_model_through_the_cli_with_combined_flags(
    tmp_path: Path, isolated_app_modules: None
) -> None:
    from parvel.console.kernel import ConsoleKernel
    from parvel.foundation.application import Application
    from parvel.support.console import spec_of

    app = Application(tmp_path)
    OrmServiceProvider(app).register()
    out, stream = output()
    kernel = ConsoleKernel(app, out)
    for command in app.settings["commands_registered"]:
        kernel.add(spec_of(command))
    assert kernel.run(["make:model", "Post", "-mfs"]) == 0, stream.getvalue()
    assert (tmp_path / "app/models/post.py").is_file()
    assert (tmp_path / "database/factories/post_factory.py").is_file()
    assert (tmp_path / "database/seeders/post_seeder.py").is_file()
    assert list((tmp_path / "database/migrations").glob("*_create_posts_table.py"))
    assert not (tmp_path / "app/http/controllers").exists()


def test_make_model_flags_follow_artisan(tmp_path: Path, isolated_app_modules: None) -> None:
    """``-p`` is ``--pivot``; ``--policy`` has no short flag; ``--api``/``-R`` imply -c."""
    from parvel.console.kernel import ConsoleKernel
    from parvel.foundation.application import Application
    from parvel.support.console import spec_of

    app = Application(tmp_path)
    OrmServiceProvider(app).register()
    out, stream = output()
    kernel = ConsoleKernel(app, out)
    for command in app.settings["commands_registered"]:
        kernel.add(spec_of(command))
    assert kernel.run(["make:model", "RoleUser", "-p"]) == 0, stream.getvalue()
    pivot = (tmp_path / "app/models/role_user.py").read_text()
    assert "class RoleUser(Pivot):" in pivot
    assert kernel.run(["make:model", "Flight", "--policy"]) == 0, stream.getvalue()
    assert (tmp_path / "app/policies/flight_policy.py").is_file()
    assert kernel.run(["make:model", "Photo", "--api", "-R"]) == 0, stream.getvalue()
    controller = (tmp_path / "app/http/controllers/photo_controller.py").read_text()
    assert "def create" not in controller
    assert "StorePhotoRequest" in controller
    assert (tmp_path / "app/http/requests/update_photo_request.py").is_file()


async def test_make_factory_names_the_file_after_the_factory(app_dir: ModelPaths) -> None:
    out, _stream = output()
    assert await make_factory("CarFactory", model="Flight", paths=app_dir, out=out) == 0
    text = (app_dir.base / "database/factories/car_factory.py").read_text()
    assert "class CarFactory(Factory[Flight]):" in text
