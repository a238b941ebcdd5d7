from __future__ import annotations

from typing import Any

import pytest

from parvel.hashing import HashManager

#: Cheap costs so the suite stays fast; production defaults are tested through info().
FAST: dict[str, Any] = {
    "driver": "argon2id",
    "argon": {"memory": 1024, "time": 1, "threads": 1},
    "bcrypt": {"rounds": 4},
}

#: "password" hashed by PHP's password_hash (bcrypt, cost 10), as in Laravel's old UserFactory.
LARAVEL_BCRYPT = "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi"


@pytest.fixture
def fast_config() -> dict[str, Any]:
    return {key: (dict(value) if isinstance(value, dict) else value) for key, value in FAST.items()}


@pytest.fixture
def hasher(fast_config: dict[str, Any]) -> HashManager:
    return HashManager(fast_config)


@pytest.fixture
def bcrypt_hasher(fast_config: dict[str, Any]) -> HashManager:
    return HashManager({**fast_config, "driver": "bcrypt"})


@pytest.fixture
def laravel_bcrypt() -> str:
    return LARAVEL_BCRYPT
