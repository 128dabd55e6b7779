"""The JWT signing secret: from settings, or generated once and kept beside the database."""

from __future__ import annotations

import os
import secrets

from todochat.config import Settings

# Values people paste from tutorials; refusing them outside development stops forged tokens.
WEAK_SECRETS = frozenset(
    {"secret", "changeme", "change-me", "changethis", "password", "jwt-secret", "todochat", "test"}
)


class WeakSecretError(RuntimeError):
    """The configured secret is too guessable to sign tokens with."""


def resolve_jwt_secret(settings: Settings) -> str:
    """The secret to sign tokens with, creating the secret file (mode 0600) on first start."""
    if settings.jwt_secret is not None:
        value = settings.jwt_secret.get_secret_value()
        weak = value.lower() in WEAK_SECRETS or len(value) < 16
        if weak and settings.environment != "development":
            raise WeakSecretError(
                "TODOCHAT_JWT_SECRET is a weak value; set at least 32 random characters"
            )
        return value
    path = settings.secret_file_path()
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    # O_EXCL: two workers starting at once must not each write a different secret.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value
