"""``/docs`` and ``/redoc`` with no internet: Swagger UI and ReDoc from the ``fastapi-offline``
package's copies, served by the app under the web app's CSP (no inline script).

FastAPI's own pages load both from a CDN and start Swagger UI with an inline script, so without
a network (or under a strict CSP) they are blank. ReDoc inserts ``<style>`` elements as it
renders and searches in a worker it makes from a blob, so its page alone also allows inline
styles and blob workers; scripts stay ``'self'`` everywhere.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request, Response

from todochat.web.routes import CSP, PAGE_HEADERS, TYPES, _Asset, _etag, _respond

ASSETS = "/docs-assets"
FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")
START_SWAGGER = b"""window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: document.body.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
    validatorUrl: null, // its badge is an image from validator.swagger.io
  });
});
"""


def _page(title: str, head: str, body: str) -> bytes:
    return (
        "<!doctype html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{title}</title>\n<link rel='icon' href='{ASSETS}/favicon.png'>\n{head}</head>\n"
        f"{body}\n</html>\n"
    ).encode()


def install_docs(app: FastAPI, title: str) -> None:
    """Serve the API documentation pages and their files from the package."""
    import fastapi_offline

    root = Path(fastapi_offline.__file__).parent / "static"
    assets: dict[str, _Asset] = {}
    for name in FILES:
        body = (root / name).read_bytes()
        assets[name] = _Asset(body, TYPES[Path(name).suffix], _etag(body))
    assets["start-swagger.js"] = _Asset(START_SWAGGER, TYPES[".js"], _etag(START_SWAGGER))
    openapi = app.openapi_url or "/openapi.json"
    swagger = _page(
        f"{title} API",
        f"<link rel='stylesheet' href='{ASSETS}/swagger-ui.css'>\n",
        f"<body data-openapi='{openapi}'>\n<div id='swagger-ui'></div>\n"
        f"<script src='{ASSETS}/swagger-ui-bundle.js'></script>\n"
        f"<script src='{ASSETS}/start-swagger.js'></script>\n</body>",
    )
    redoc = _page(
        f"{title} API",
        "",
        f"<body>\n<redoc spec-url='{openapi}'></redoc>\n"
        f"<script src='{ASSETS}/redoc.standalone.js'></script>\n</body>",
    )
    swagger_page = _Asset(swagger, TYPES[".html"], _etag(swagger))
    redoc_page = _Asset(redoc, TYPES[".html"], _etag(redoc))
    # ReDoc inserts <style> elements and runs its search index in a worker made from a blob.
    redoc_csp = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    redoc_headers = PAGE_HEADERS | {"Content-Security-Policy": redoc_csp + "; worker-src blob:"}

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> Response:
        return _respond(request, swagger_page, PAGE_HEADERS)

    @app.get("/redoc", include_in_schema=False)
    async def redoc_docs(request: Request) -> Response:
        return _respond(request, redoc_page, redoc_headers)

    @app.get(ASSETS + "/{name}", include_in_schema=False)
    async def docs_asset(name: str, request: Request) -> Response:
        asset = assets.get(name)
        if asset is None:
            return Response(
                '{"detail":"not found"}', status_code=404, media_type="application/json"
            )
        return _respond(request, asset, {"Cache-Control": "public, max-age=3600"})
