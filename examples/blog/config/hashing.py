from parvel import env

config = {
    "driver": env("HASH_DRIVER", "argon2id"),
    "bcrypt": {"rounds": env("BCRYPT_ROUNDS", 12), "verify": True},
    "argon": {"memory": 65536, "threads": 1, "time": 4, "verify": True},
    "rehash_on_login": True,
}
