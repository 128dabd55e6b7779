"""Accounts: password hashing, tokens, registration and login."""

from todochat.auth.security import PasswordHasher, TokenCodec
from todochat.auth.service import AccountService

__all__ = ["AccountService", "PasswordHasher", "TokenCodec"]
