"""Self-hosted proof of work (ALTCHA): the widget solves a challenge the desk signed; no third party involved."""
from __future__ import annotations

import threading
import time

import altcha

ALGORITHM = "PBKDF2/SHA-256"
LIFETIME = 600
"""Seconds a challenge stays valid: time enough to fill the form after the widget solved it."""


class Proof:
    def __init__(self, secret: str, cost: int) -> None:
        self.secret, self.cost = secret, cost
        self.used: dict[str, float] = {}
        self.lock = threading.Lock()

    def challenge(self) -> dict:
        made = altcha.create_challenge(ALGORITHM, self.cost, expires_at=int(time.time()) + LIFETIME,
                                       hmac_secret=self.secret, hmac_key_secret=self.secret)
        return made.to_dict()

    def verify(self, payload: str) -> bool:
        """A valid, unexpired solution not used before (each solution admits one request)."""
        if not payload:
            return False
        try:
            result = altcha.verify_solution(payload, self.secret, hmac_key_secret=self.secret)
            nonce = altcha.Payload.from_base64(payload).challenge.parameters.nonce
        except Exception:  # a malformed payload from the network: any failure to parse is "not solved"
            return False
        return bool(result.verified) and self._first_use(nonce)

    def _first_use(self, nonce: str) -> bool:
        now = time.time()
        with self.lock:
            for old in [n for n, at in self.used.items() if at < now - LIFETIME]:
                del self.used[old]
            if nonce in self.used:
                return False
            self.used[nonce] = now
            return True
