"""The server's guard: body size limit, bearer token, host check and browser headers.

One plain ASGI middleware, so each rule is a few visible lines and applies to every
route, static files and docs included, before any handler runs.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Scripts, styles, data and images come from this server only; nothing inline runs.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
MAX_BODY = 1_000_000  # bytes; a long article is ~50 kB


class Guard:
    """Wraps the app: 413 for bodies over `max_body` bytes, 401 for /api/ requests without
    the token (when one is set), 400 for a Host not in `hosts` (when given: stops DNS
    rebinding from reaching a loopback server), security headers on every response."""

    def __init__(
        self,
        app: ASGIApp,
        max_body: int,
        token: str | None = None,
        hosts: Iterable[str] | None = None,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.token = token.encode() if token else None
        self.hosts = {h.lower() for h in hosts} if hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v for k, v in scope.get("headers", [])}

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        if self.hosts is not None and _hostname(headers.get("host", b"")) not in self.hosts:
            await _reply(secured_send, 400, "This server does not answer for that Host name.")
            return
        if self.token and scope["path"].startswith("/api/") and not self._authorized(headers):
            await _reply(secured_send, 401, "A bearer token is required: Authorization: Bearer TOKEN.",
                         [(b"www-authenticate", b'Bearer realm="thucydides"')])  # fmt: skip
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _reply(secured_send, 413, f"The request body is over {self.max_body} bytes.")
            return
        body, more = b"", True
        if scope["method"] in ("POST", "PUT", "PATCH"):
            while more:  # read it all first, so a chunked body cannot stream past the limit
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await _reply(
                        secured_send, 413, f"The request body is over {self.max_body} bytes."
                    )
                    return
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, secured_send)
            return
        await self.app(scope, receive, secured_send)

    def _authorized(self, headers: dict[str, bytes]) -> bool:
        scheme, _, given = headers.get("authorization", b"").partition(b" ")
        return scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), self.token or b"")


def _hostname(host: bytes) -> str:
    text = host.decode("latin-1").lower()
    if text.startswith("["):
        return text[: text.find("]") + 1]
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


async def _reply(send: Send, status: int, detail: str, extra: list | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": body})
