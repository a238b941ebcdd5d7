"""Global helpers for the running application: ``app()``, ``resolve()``, ``encrypt()``...

Each reads the application the facades point at (the one ``bootstrap/app.py`` created)::

    from parvel import app, resolve, encrypt, decrypt

    app()                     # the Application
    app("encrypter")          # a service, as app.make("encrypter")
    resolve(Mailer)           # the same, by class
    decrypt(encrypt({"a": 1}))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, overload

from parvel.support.facade import Facade

if TYPE_CHECKING:
    from parvel.foundation.application import Application

T = TypeVar("T")


def _application() -> Application:
    current: Any = Facade.get_application()
    return current  # type: ignore[no-any-return]


@overload
def app() -> Application: ...


@overload
def app(abstract: type[T], **parameters: Any) -> T: ...


@overload
def app(abstract: str, **parameters: Any) -> Any: ...


def app(abstract: Any = None, **parameters: Any) -> Any:
    """The running application, or the service ``abstract`` resolved from it.

    Raises:
        FacadeError: no application has been created yet.
    """
    application = _application()
    return application if abstract is None else application.make(abstract, **parameters)


@overload
def resolve(abstract: type[T], **parameters: Any) -> T: ...


@overload
def resolve(abstract: str, **parameters: Any) -> Any: ...


def resolve(abstract: Any, **parameters: Any) -> Any:
    """Resolve ``abstract`` (a class or a binding name) from the running application."""
    return _application().make(abstract, **parameters)


def encrypt(value: Any, serialize: bool = True) -> str:
    """Encrypt ``value`` with the application's encrypter (``APP_KEY``)."""
    encrypted: str = _application().make("encrypter").encrypt(value, serialize)
    return encrypted


def decrypt(payload: str, unserialize: bool = True) -> Any:
    """Decrypt a payload made by :func:`encrypt`.

    Raises:
        DecryptError: the payload is tampered, foreign or garbage (``DecryptException``).
    """
    return _application().make("encrypter").decrypt(payload, unserialize)
