"""The :class:`HashManager`: picks the hashing driver from config/hashing.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from parvel.hashing._identify import identify
from parvel.hashing.argon_hasher import Argon2idHasher, ArgonHasher
from parvel.hashing.bcrypt_hasher import BcryptHasher
from parvel.hashing.contracts import Hasher, HashInfo
from parvel.hashing.exceptions import HashingConfigError

__all__ = ["HashManager"]

#: Factories receive the whole hashing config and return a driver.
HasherFactory = Callable[[Mapping[str, Any]], Hasher]


_ALLOWED = {"argon": {"memory", "time", "threads"}, "bcrypt": {"rounds"}}


def _section(config: Mapping[str, Any], name: str) -> dict[str, Any]:
    section = config.get(name) or {}
    if not isinstance(section, Mapping):
        raise HashingConfigError(
            f"config/hashing.py: {name!r} must be a dict, got {type(section).__name__}.",
            hint=f"Write {name!r}: {{...}} or leave it out for the defaults.",
        )
    options = {key: value for key, value in section.items() if key != "verify"}
    unknown = sorted(set(options) - _ALLOWED[name])
    if unknown:
        raise HashingConfigError(
            f"Unknown option(s) {', '.join(map(str, unknown))} in config/hashing.py ({name}).",
            hint=f"Use {', '.join(sorted(_ALLOWED[name]))}.",
        )
    return options


def _argon(config: Mapping[str, Any]) -> Hasher:
    return ArgonHasher(**_section(config, "argon"))


def _argon2id(config: Mapping[str, Any]) -> Hasher:
    return Argon2idHasher(**_section(config, "argon"))


def _bcrypt(config: Mapping[str, Any]) -> Hasher:
    return BcryptHasher(**_section(config, "bcrypt"))


class HashManager:
    """Hashes and verifies passwords with the driver named in config/hashing.py.

    :meth:`check` recognises the algorithm from the hash itself, so Argon2id, Argon2i and
    bcrypt (``$2y$`` from Laravel, ``$2b$``) hashes all verify whatever the default driver is;
    :meth:`needs_rehash` then tells when a stored hash should be upgraded.

    Hashing is CPU-bound and blocks for tens of milliseconds by design: it is a sync API, and
    the HTTP and auth layers call it in a worker thread. See ``docs/hashing.md``.

    Args:
        config: Like Laravel's config/hashing.php: ``{"driver": "argon2id", "argon": {"memory":
            65536, "threads": 1, "time": 4}, "bcrypt": {"rounds": 12}, "rehash_on_login": True}``.
            Every key is optional.

    Raises:
        HashingConfigError: The default driver's options are invalid. An unknown driver name
            raises on first use instead, so a custom driver can be registered with
            :meth:`extend` after construction.
    """

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        self._config: dict[str, Any] = dict(config or {})
        self._factories: dict[str, HasherFactory] = {
            "argon": _argon,
            "argon2id": _argon2id,
            "bcrypt": _bcrypt,
        }
        self._drivers: dict[str, Hasher] = {}
        if self.default_driver in self._factories:
            self.driver()  # surface a bad built-in config at boot, not at the first login

    @property
    def default_driver(self) -> str:
        """The configured default driver name (``"argon2id"`` unless configured)."""
        name = self._config.get("driver", "argon2id")
        return str(name)

    @property
    def rehash_on_login(self) -> bool:
        """Whether the auth layer should rehash outdated hashes after a successful login."""
        return bool(self._config.get("rehash_on_login", True))

    def driver(self, name: str | None = None) -> Hasher:
        """Return the driver called ``name`` (the default driver when ``None``), built once.

        Raises:
            HashingConfigError: No driver has that name.
        """
        name = name or self.default_driver
        if name not in self._drivers:
            factory = self._factories.get(name)
            if factory is None:
                known = ", ".join(sorted(self._factories))
                raise HashingConfigError(
                    f"Unknown hashing driver {name!r} in config/hashing.py.",
                    hint=f"Use one of: {known} (or register it with HashManager.extend).",
                )
            self._drivers[name] = factory(self._config)
        return self._drivers[name]

    def extend(self, name: str, factory: HasherFactory) -> HashManager:
        """Register a custom driver; ``factory(config)`` returns a :class:`Hasher`."""
        self._factories[name] = factory
        self._drivers.pop(name, None)
        return self

    def make(self, password: str, options: Mapping[str, int] | None = None) -> str:
        """Hash ``password`` with the default driver (Laravel's ``Hash::make``).

        Args:
            password: The plain password; an empty string is allowed.
            options: Per-call cost overrides (``rounds`` for bcrypt; ``memory``, ``time``,
                ``threads`` for Argon2).
        """
        return self.driver().make(password, options)

    def check(self, password: str | None, hashed: str | None) -> bool:
        """Tell whether ``password`` matches ``hashed`` (Laravel's ``Hash::check``).

        The algorithm is read from the hash, so bcrypt and Argon2 hashes both verify. Returns
        False (never raises) for an empty, ``None`` or malformed hash.
        """
        algo = identify(hashed)["algo"]
        if algo == "bcrypt":
            return self.driver("bcrypt").check(password, hashed)
        if algo in ("argon2id", "argon2i", "argon2d"):
            return self.driver("argon2id").check(password, hashed)
        if self.default_driver in ("argon", "argon2id", "bcrypt"):
            return False
        return self.driver().check(password, hashed)

    def needs_rehash(self, hashed: str, options: Mapping[str, int] | None = None) -> bool:
        """Tell whether ``hashed`` should be re-made with the current driver and options."""
        return self.driver().needs_rehash(hashed, options)

    def info(self, hashed: str) -> HashInfo:
        """Describe a hash: its algorithm and cost options (Laravel's ``Hash::info``)."""
        return identify(hashed)

    def is_hashed(self, value: str) -> bool:
        """Tell whether ``value`` already looks like a bcrypt or Argon2 hash."""
        return identify(value)["algo"] is not None
