"""ASGI entry point for multi-worker servers: ``uvicorn todochat.asgi:app``."""

from todochat.app import create_app
from todochat.heap import tune_for_serving

app = create_app()
tune_for_serving()
