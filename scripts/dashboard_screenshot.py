"""Screenshot of the dashboard over a store, for docs/dashboard.png.

    .venv/bin/python scripts/dashboard_screenshot.py --db events.duckdb --out docs/dashboard.png

Serves the store on a free loopback port in this process and photographs the page in
Debian's Chromium (Playwright), as the browser tests do.
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from thucydides.server import create_app


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default="docs/dashboard.png")
    ap.add_argument("--query", default="", help="URL query, e.g. actor=USAGOV")
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=1040)
    args = ap.parse_args()
    server = uvicorn.Server(uvicorn.Config(create_app(Path(args.db)), port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(f"http://127.0.0.1:{port}/?{args.query}")
            page.wait_for_selector("#map circle.place")
            page.wait_for_function("!document.body.classList.contains('loading')")
            page.screenshot(path=args.out)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
