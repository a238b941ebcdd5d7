"""A breach check for ``Password.uncompromised()``, using the Pwned Passwords range API.

Only the first five hex digits of the password's SHA-1 leave the machine (k-anonymity). When
the service cannot be reached the check passes, like Laravel's ``NotPwnedVerifier``.
"""

from __future__ import annotations

import hashlib


class PwnedPasswords:
    """Counts how often a password appears in known breaches.

    Example:
        >>> checker = PwnedPasswords(timeout=5.0)
        >>> # times = await checker("password123")
    """

    def __init__(
        self, base_url: str = "https://api.pwnedpasswords.com", timeout: float = 15.0
    ) -> None:
        """Configure the service.

        Args:
            base_url: The API root (its ``/range/{prefix}`` endpoint is called).
            timeout: Seconds before giving up (the check then passes).
        """
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    async def __call__(self, password: str) -> int:
        """Return how many times ``password`` appears in breaches (0 when unknown or offline).

        Args:
            password: The candidate password.

        Returns:
            The breach count.
        """
        digest = hashlib.sha1(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()
        prefix, suffix = digest[:5], digest[5:]
        import httpx  # imported on first use: most apps never check breached passwords

        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.get(
                    f"{self.base_url}/range/{prefix}", headers={"Add-Padding": "true"}
                )
                response.raise_for_status()
        except httpx.HTTPError:
            return 0
        for line in response.text.splitlines():
            hash_suffix, _, count = line.strip().partition(":")
            if hash_suffix.upper() == suffix:
                try:
                    return int(count)
                except ValueError:
                    return 0
        return 0
