import parvel.hashing


def test_public_names() -> None:
    assert parvel.hashing.__all__ == [
        "BCRYPT_MAX_BYTES",
        "Argon2idHasher",
        "ArgonHasher",
        "BcryptHasher",
        "HashInfo",
        "HashManager",
        "Hasher",
        "HashingConfigError",
        "HashingError",
        "PasswordTooLongError",
    ]
    for name in parvel.hashing.__all__:
        assert hasattr(parvel.hashing, name)
