"""Answers to repeated API reads, kept in memory.

Sound because the server answers from a snapshot of the store (snapshot.py) that changes
only when a new copy is swapped in, and every copy has a new generation number: answers
of an older generation are dropped. Dashboards repeat the same few queries (every view
reloads on each filter change, shared URLs), so most reads become a dictionary lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from thucydides.server.security import ASGIApp, Message, Receive, Scope, Send


class ResponseCache:
    """LRU of successful GET /api/ responses (status 200, body up to `max_bytes`),
    keyed by path and the sorted query string."""

    def __init__(
        self,
        app: ASGIApp,
        version: Callable[[], int] = lambda: 0,
        entries: int = 512,
        max_bytes: int = 2_000_000,
    ) -> None:
        self.app = app
        self.version = version
        self._generation = version()
        self.entries = entries
        self.max_bytes = max_bytes
        self._store: OrderedDict[tuple[str, str], tuple[Message, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        key = (scope["path"], urlencode(sorted(parse_qsl(query, keep_blank_values=True))))
        generation = self.version()
        with self._lock:
            if generation != self._generation:  # the store changed: older answers are stale
                self._store.clear()
                self._generation = generation
            found = self._store.get(key)
            if found is not None:
                self._store.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
        if found is not None:
            start, body = found
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        parts: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and size <= self.max_bytes:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
                if not message.get("more_body", False) and start.get("status") == 200:
                    self._keep(key, start, b"".join(parts), generation)
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple[str, str], start: Message, body: bytes, generation: int) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            if generation != self._generation:
                return
            self._store[key] = (start, body)
            self._store.move_to_end(key)
            while len(self._store) > self.entries:
                self._store.popitem(last=False)

    def stats(self) -> dict[str, Any]:
        return {"entries": len(self._store), "hits": self.hits, "misses": self.misses}
