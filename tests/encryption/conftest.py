from __future__ import annotations

import pytest

from parvel.encryption import Encrypter, generate_key, parse_key


@pytest.fixture
def app_key() -> str:
    return generate_key()


@pytest.fixture
def crypt(app_key: str) -> Encrypter:
    return Encrypter(parse_key(app_key))
