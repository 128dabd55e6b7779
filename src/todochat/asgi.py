"""ASGI entry point for multi-worker servers: ``uvicorn todochat.asgi:app``."""

from todochat.app import create_app

app = create_app()
