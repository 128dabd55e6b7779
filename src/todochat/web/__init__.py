"""The browser UI: static files served by the app, no build step."""

from __future__ import annotations

from todochat.web.routes import install_web

__all__ = ["install_web"]
