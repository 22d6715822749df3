"""`thucydides serve --db DB`: the HTTP API and the dashboard, on loopback by default."""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys

from thucydides.errors import UserError

ENV = "THUCYDIDES_SERVE_OPTIONS"
HELP = "Serve the event store as a JSON/CSV API and a dashboard (http://127.0.0.1:8000/)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    from thucydides.server.security import MAX_BODY

    p.add_argument("--db", required=True, help="DuckDB store made by `thucydides ingest`")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token", help="require `Authorization: Bearer TOKEN` on /api/")
    p.add_argument("--max-body", type=int, default=MAX_BODY, help="largest request body, bytes")
    p.add_argument("--fast", action="store_true", help="code POSTed text without the model")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes (one per core serves the most requests)")  # fmt: skip


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
    if not 1 <= args.workers <= 64:
        raise UserError(f"--workers must be 1 to 64, not {args.workers}.")
    options = {"db_path": args.db, "token": args.token, "max_body": args.max_body,
               "hosts": list(LOOPBACK) if loopback else None, "fast": args.fast}  # fmt: skip
    app = create_app(**options)  # opens the store here first: a bad --db fails before binding
    # (with --workers, each worker process takes its own snapshot of the store as well)
    print(f"thucydides: dashboard at http://{args.host}:{args.port}/ "
          f"(API docs at /docs); Ctrl-C stops", file=sys.stderr)  # fmt: skip
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    # worker processes build their own app (and snapshot) from the environment
    os.environ[ENV] = json.dumps(options)
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("thucydides.commands.serve:app_from_env", factory=True,
                            workers=args.workers, log_level="warning")  # fmt: skip
    Multiprocess(config, sockets=[_listen(args.host, args.port)]).run()
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """The shared listening socket, with TCP_NODELAY (accepted sockets inherit it on Linux).
    uvicorn's own socket for workers lacks it, and keep-alive replies then wait ~40 ms
    for delayed ACKs."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        raise UserError(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None
    sock.set_inheritable(True)
    return sock


def app_from_env():
    """The app for one of several worker processes (`--workers`), from the options the
    parent checked and left in the environment."""
    from thucydides.server import create_app

    return create_app(**json.loads(os.environ[ENV]))
