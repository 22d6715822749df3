"""`thucydides serve --db DB`: the HTTP API and the dashboard, on loopback by default."""

from __future__ import annotations

import argparse
import sys

from thucydides.errors import UserError

HELP = "Serve the event store as a JSON/CSV API and a dashboard (http://127.0.0.1:8000/)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    from thucydides.server.security import MAX_BODY

    p.add_argument("--db", required=True, help="DuckDB store made by `thucydides ingest`")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token", help="require `Authorization: Bearer TOKEN` on /api/")
    p.add_argument("--max-body", type=int, default=MAX_BODY, help="largest request body, bytes")
    p.add_argument("--fast", action="store_true", help="code POSTed text without the model")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from thucydides.server import create_app
    from thucydides.server.security import LOOPBACK

    if not 0 < args.port < 65536:
        raise UserError(f"--port must be 1 to 65535, not {args.port}.")
    if args.max_body < 1:
        raise UserError("--max-body must be a positive number of bytes.")
    loopback = args.host in LOOPBACK
    if not loopback and not args.token:
        print(f"thucydides: serving on {args.host} without --token: anyone who can reach it "
              "can read the store.", file=sys.stderr)  # fmt: skip
    app = create_app(args.db, token=args.token, max_body=args.max_body,
                     hosts=list(LOOPBACK) if loopback else None, fast=args.fast)  # fmt: skip
    print(f"thucydides: dashboard at http://{args.host}:{args.port}/ "
          f"(API docs at /docs); Ctrl-C stops", file=sys.stderr)  # fmt: skip
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
