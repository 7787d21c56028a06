"""The security headers every response carries, set by a pure ASGI middleware."""

from __future__ import annotations

from typing import Any

# Pages run no inline script or style and load nothing from elsewhere; no page may be framed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# /docs (Swagger UI) and /redoc (ReDoc) run bundles the app serves itself from /static (shipped by
# the fastapi-offline package), so they work offline; still no inline script and nothing loaded from
# elsewhere. Both set style attributes and ReDoc writes <style> elements, hence 'unsafe-inline' for
# styles only; ReDoc's search runs in a worker it makes from a blob.
DOCS_PATHS = ("/docs", "/redoc")
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin")]


def policy_for(path: str) -> str:
    """The content security policy of a path: the docs viewers' or every other page's."""
    return DOCS_CSP if path in DOCS_PATHS else CSP


def security_headers(path: str) -> dict[str, str]:
    """The headers as a dict, for an answer that leaves from outside the middleware."""
    return {"content-security-policy": policy_for(path), **{name.decode(): value.decode() for name, value in SECURITY_HEADERS}}


class SecurityHeaders:
    """ASGI middleware: the security headers on every response (pure ASGI: it buffers nothing)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = policy_for(scope["path"]).encode()

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", policy),
                                      *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)
