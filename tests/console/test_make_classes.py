"""``make:provider`` (registered in config/app.py), ``make:exception``, ``make:enum``,
``make:class`` and ``make:policy``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parvel.console.discovery import load_application


def test_make_provider_registers_it(
    new_app: Path, cli: Callable[..., tuple[int, str, str]], forget_modules: Callable[[], None]
) -> None:
    code, out, err = cli("make:provider", "BillingServiceProvider")
    assert code == 0, err
    assert "app/providers/billing_service_provider.py" in out
    config = (new_app / "config/app.py").read_text()
    assert '"app.providers.billing_service_provider.BillingServiceProvider"' in config
    forget_modules()
    app = load_application(new_app)
    assert any(type(p).__name__ == "BillingServiceProvider" for p in app.get_providers())
    assert cli("make:provider", "BillingServiceProvider")[0] == 1  # exists
    assert cli("make:provider", "BillingServiceProvider", "-f")[0] == 0
    assert (new_app / "config/app.py").read_text().count("BillingServiceProvider") == 1


def test_make_exception_enum_class_and_policy(
    new_app: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    assert cli("make:exception", "InvalidOrderException")[0] == 0
    text = (new_app / "app/exceptions/invalid_order_exception.py").read_text()
    assert "class InvalidOrderException(Exception):" in text
    assert cli("make:enum", "Status", "--string")[0] == 0
    assert "class Status(StrEnum):" in (new_app / "app/enums/status.py").read_text()
    assert cli("make:enum", "Level", "--int")[0] == 0
    assert "class Level(IntEnum):" in (new_app / "app/enums/level.py").read_text()
    assert cli("make:class", "Services/Invoicer")[0] == 0
    assert "class Invoicer:" in (new_app / "app/services/invoicer.py").read_text()
    assert cli("make:policy", "PostPolicy", "--model=Post")[0] == 0
    policy = (new_app / "app/policies/post_policy.py").read_text()
    assert "from app.models.post import Post" in policy
    assert cli("make:policy", "CommentPolicy")[0] == 0
    assert "class CommentPolicy:" in (new_app / "app/policies/comment_policy.py").read_text()


def test_make_view_observer_and_cast(
    new_app: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    assert cli("make:view", "users.index")[0] == 0
    assert (new_app / "resources/views/users/index.blade.html").is_file()
    assert cli("make:view", "users.index")[0] == 1
    assert cli("make:observer", "UserObserver", "--model=User")[0] == 0
    observer = (new_app / "app/observers/user_observer.py").read_text()
    assert "def created(self, user: User) -> None:" in observer
    assert cli("make:observer", "AuditObserver")[0] == 0
    assert cli("make:cast", "AsMoney")[0] == 0
    cast = (new_app / "app/casts/as_money.py").read_text()
    assert "class AsMoney:" in cast
    assert "def get(self, model" in cast


def test_make_interface_and_trait(new_app: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    assert cli("make:interface", "Contracts/Billable")[0] == 0
    text = (new_app / "app/contracts/billable.py").read_text()
    assert "class Billable(Protocol):" in text
    assert cli("make:trait", "Concerns/HasSlug")[0] == 0
    assert "class HasSlug:" in (new_app / "app/concerns/has_slug.py").read_text()
