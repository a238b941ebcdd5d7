import parvel.encryption


def test_public_names() -> None:
    assert parvel.encryption.__all__ == [
        "CIPHERS",
        "DecryptError",
        "DecryptException",
        "Encrypter",
        "EncrypterContract",
        "EncryptionError",
        "InvalidKeyError",
        "Signer",
        "StringEncrypterContract",
        "generate_key",
        "parse_key",
        "parse_previous_keys",
    ]
    for name in parvel.encryption.__all__:
        assert hasattr(parvel.encryption, name)
