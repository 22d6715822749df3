"""`thucydides serve`: the HTTP API and the dashboard over an event store.

`create_app` is imported on first use, so the CLI can read this package's constants
without loading FastAPI."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from thucydides.server.app import create_app

        return create_app
    raise AttributeError(name)
