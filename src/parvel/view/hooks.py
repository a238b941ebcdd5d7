"""Hook points through which an application feeds request state to Blade directives.

A standalone :class:`~parvel.view.Blade` has no request, session or user. The directives that
need one (``@csrf``, ``@error``, ``@auth``, ``@guest``, ``@can``, ``@cannot``, ``@canany``,
``@env``, ``@production``, ``@session``, ``@context``) ask the resolvers stored in ``blade.hooks``. Each is
a plain callable; an application sets them once at boot and reads per-request state (for
example from a context variable) when called.

Without a resolver the directives behave as in a logged-out, error-free, session-less
production app: ``@inject`` imports the dotted path and calls it without arguments,
``@lang`` and ``@choice`` print the key, ``@auth`` is false, ``@guest`` true, ``@can`` false, ``@cannot`` true,
``@error``, ``@session`` and ``@context`` never match, ``@env`` sees ``"production"``. ``@csrf`` raises
:class:`~parvel.view.TemplateError`, because a form without a token would fail later and
silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from parvel.view.contracts import ErrorBag


@dataclass
class ViewHooks:
    """Resolvers for request-bound directives (all optional).

    Attributes:
        csrf_token: Returns the current CSRF token (``@csrf``).
        errors: Returns the error bag with the given name, default ``"default"`` (``@error``).
        user: Returns the authenticated user for a guard name (``None``: default guard), or
            ``None`` when nobody is logged in (``@auth``, ``@guest``).
        gate: ``gate(ability, *arguments)`` returns whether the user may (``@can`` ...).
        environment: Returns the environment name (``@env``, ``@production``).
        session: Returns the current session data (``@session``).
        context: Returns the current context data (``@context``), for an application that
            keeps Laravel-style request context.
        resolve: Returns the service for a name or dotted class path (``@inject``); an
            application passes its container here.
        translate: ``translate(key, replace=None, locale=None)`` returns the translated line
            (``@lang``).
        choice: ``choice(key, number, replace=None, locale=None)`` returns the pluralised
            line (``@choice``).
    """

    csrf_token: Callable[[], str] | None = None
    errors: Callable[[str], ErrorBag | None] | None = None
    user: Callable[[str | None], Any] | None = None
    gate: Callable[..., bool] | None = None
    environment: Callable[[], str] | None = None
    session: Callable[[], Mapping[str, Any]] | None = None
    context: Callable[[], Mapping[str, Any]] | None = None
    resolve: Callable[[str], Any] | None = None
    translate: Callable[..., str] | None = None
    choice: Callable[..., str] | None = None
