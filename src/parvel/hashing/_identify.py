"""Recognising hash formats and reading their parameters without verifying anything."""

from __future__ import annotations

import re

from parvel.hashing.contracts import HashInfo

_BCRYPT = re.compile(r"\$2[abxy]\$(\d{2})\$[./A-Za-z0-9]{53}")
_ARGON = re.compile(
    r"\$(argon2id|argon2i|argon2d)\$(?:v=\d+\$)?m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+"
)


def identify(hashed: object) -> HashInfo:
    if not isinstance(hashed, str):
        return {"algo": None, "algo_name": "unknown", "options": {}}
    match = _BCRYPT.fullmatch(hashed)
    if match:
        return {"algo": "bcrypt", "algo_name": "bcrypt", "options": {"rounds": int(match[1])}}
    match = _ARGON.fullmatch(hashed)
    if match:
        options = {"memory": int(match[2]), "time": int(match[3]), "threads": int(match[4])}
        return {"algo": match[1], "algo_name": match[1], "options": options}
    return {"algo": None, "algo_name": "unknown", "options": {}}
