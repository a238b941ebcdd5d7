"""Password hashing: Parvel's HashManager against the libraries it wraps, in one run.

Measures make() and check() with Laravel's default costs (argon2id m=65536 t=4 p=1, bcrypt 12
rounds) and prints the mean time per call and Parvel's ratio to the bare library (1.00 means no
overhead). Runs in well under two minutes: python benchmarks/hashing_bench.py [--quick]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import bcrypt
from argon2 import PasswordHasher

from parvel.hashing import HashManager

PASSWORD = "correct horse battery staple"


def mean_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    start = time.perf_counter()
    for _ in range(runs):
        fn()
    return (time.perf_counter() - start) / runs * 1000


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 10
    parvel_argon = HashManager({"driver": "argon2id"})
    parvel_bcrypt = HashManager({"driver": "bcrypt"})
    raw_argon = PasswordHasher(time_cost=4, memory_cost=65536, parallelism=1)
    argon_hash = raw_argon.hash(PASSWORD)
    bcrypt_hash = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(12))
    bcrypt_text = bcrypt_hash.decode()

    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("argon2id make", lambda: parvel_argon.make(PASSWORD), lambda: raw_argon.hash(PASSWORD)),
        (
            "argon2id check",
            lambda: parvel_argon.check(PASSWORD, argon_hash),
            lambda: raw_argon.verify(argon_hash, PASSWORD),
        ),
        (
            "bcrypt make",
            lambda: parvel_bcrypt.make(PASSWORD),
            lambda: bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(12)),
        ),
        (
            "bcrypt check",
            lambda: parvel_argon.check(PASSWORD, bcrypt_text),
            lambda: bcrypt.checkpw(PASSWORD.encode(), bcrypt_hash),
        ),
    ]
    print(f"{'operation':<16}{'parvel ms':>12}{'library ms':>12}{'ratio':>8}")
    for name, ours, theirs in cases:
        parvel_ms = mean_ms(ours, runs)
        library_ms = mean_ms(theirs, runs)
        print(f"{name:<16}{parvel_ms:>12.2f}{library_ms:>12.2f}{parvel_ms / library_ms:>8.2f}")


if __name__ == "__main__":
    main()
