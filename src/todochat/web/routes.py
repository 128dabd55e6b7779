"""Serve the web app: ``/`` (index.html) and ``/static/...`` with cache and security headers.

Assets are addressed through a versioned prefix, ``/static/v-<hash>/app.js``, where the hash covers
every file in ``static/``. ES module imports are relative, so a whole release shares one prefix and
can be cached for a long time; the page itself is always revalidated (``no-cache`` + ETag).
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request, Response

STATIC_DIR = Path(__file__).parent / "static"
VERSION_PLACEHOLDER = "__ASSET_VERSION__"

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
}
IMMUTABLE = "public, max-age=31536000, immutable"
ASSET = "public, max-age=3600"
TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


@dataclass(frozen=True)
class _Asset:
    body: bytes
    media_type: str
    etag: str


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _load(root: Path) -> tuple[str, dict[str, _Asset]]:
    """Read every static file once; the version is a hash over all of them."""
    assets: dict[str, _Asset] = {}
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        body = path.read_bytes()
        digest.update(rel.encode() + b"\0" + body + b"\0")
        media = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        assets[rel] = _Asset(body, media or "application/octet-stream", _etag(body))
    return digest.hexdigest()[:12], assets


def _not_modified(request: Request, etag: str) -> bool:
    given = request.headers.get("if-none-match", "")
    return any(tag.strip().removeprefix("W/") == etag for tag in given.split(","))


def _respond(request: Request, asset: _Asset, headers: dict[str, str]) -> Response:
    headers = {**headers, "ETag": asset.etag, "X-Content-Type-Options": "nosniff"}
    if _not_modified(request, asset.etag):
        return Response(status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


def install_web(app: FastAPI, static_dir: Path = STATIC_DIR) -> None:
    """Serve the UI at ``/`` and its files under ``/static/``."""
    version, assets = _load(static_dir)
    index = assets.get("index.html")
    if index is None:
        raise RuntimeError(f"web UI missing: {static_dir / 'index.html'}")
    page_body = index.body.replace(VERSION_PLACEHOLDER.encode(), f"v-{version}".encode())
    page = _Asset(page_body, "text/html; charset=utf-8", _etag(page_body))
    prefix = f"v-{version}/"

    # HEAD too: uptime checks and link previews ask with HEAD (the server sends no body).
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def web_index(request: Request) -> Response:
        """The web app."""
        return _respond(request, page, PAGE_HEADERS)

    @app.api_route("/static/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def web_static(path: str, request: Request) -> Response:
        """A file of the web app; versioned names are cached for good."""
        cache = ASSET
        if path.startswith(prefix):
            path, cache = path.removeprefix(prefix), IMMUTABLE
        elif path.startswith("v-") and "/" in path:
            # An older page asking for its release's files: serve the current ones, briefly cached.
            path, cache = path.split("/", 1)[1], "no-cache"
        asset = assets.get(path)
        if asset is None or path == "index.html":
            return Response(
                '{"detail":"not found"}', status_code=404, media_type="application/json"
            )
        return _respond(request, asset, {"Cache-Control": cache})
