"""Errors in one shape: JSON ``{"error", "status"}`` for the API, the error page for pages."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kroscek.web import schemas
from kroscek.web.deps import Pages
from kroscek.web.headers import security_headers


def wants_json(request: Request) -> bool:
    """JSON errors for the API, the OpenAPI document and a client that asks for JSON rather than
    HTML; the error page (same status and message) for pages and browsers."""
    path = request.url.path
    accept = request.headers.get("accept", "")
    return path.startswith("/api/") or path == "/openapi.json" or ("application/json" in accept and "text/html" not in accept)


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse | HTMLResponse:
    """An error in the documented shape: JSON ``{"error", "status"}`` for the API (and for a
    client asking for JSON), the error page for pages."""
    if wants_json(request):
        return JSONResponse(schemas.ApiError(error=message, status=status).model_dump(), status_code=status,
                            headers=headers)
    html = Pages.of(request).render("error.html", status=status, message=message)
    return HTMLResponse(html, status_code=status, headers=headers)


async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse | HTMLResponse:
    """An HTTP error of a route, or Starlette's own (an unknown path, a method a path does not take)."""
    message = error.detail if isinstance(error.detail, str) else str(error.detail)
    if error.status_code == 404 and message == "Not Found":
        message = f"no such path: {request.url.path}"
    elif error.status_code == 405 and message == "Method Not Allowed":
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(request, error.status_code, message, getattr(error, "headers", None))


async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse | HTMLResponse:
    """A parameter or body that does not validate: 422 with every problem on one line."""
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
    return error_response(request, 422, f"bad request: {problems}")


async def server_error(request: Request, error: Exception) -> JSONResponse | HTMLResponse:
    """A fault: 500 in the same shape, the details in the server log."""
    logging.getLogger(__name__).error("%s %s", request.method, request.url.path, exc_info=error)
    response = error_response(request, 500, "internal server error (the server log has the details)")
    # this answer leaves from outside the middleware: it carries the security headers itself
    response.headers.update(security_headers(request.url.path))
    return response
