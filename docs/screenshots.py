"""Screenshots of the documentation as ``kg serve`` shows it, into docs/img/ (or the folder given).

    python docs/screenshots.py [FOLDER]

Starts ``kg serve`` on a free port of 127.0.0.1 (it builds first when the
build is stale), opens the pages in headless Chromium (Debian's
/usr/bin/chromium driven by Playwright, which never downloads a browser)
and writes one PNG per page.  tests/publish/test_docs_chromium.py calls
:func:`take` on its own server, so this script cannot drift from the pages.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# (file, address on the server, element to bring into view or None)
SHOTS = [
    ("docs-overview.png", "/docs/", "#core"),
    ("docs-reference.png", "/ontology#locatedIn", None),
    ("docs-dataset.png", "/docs/dataset.html", None),
    ("docs-entity-neighbourhood.png", "/page/park/sinoswiss-technopark", "#neighbourhood"),
]


def take(page, base_url: str, folder: Path) -> list[Path]:
    """Screenshot every page of SHOTS into ``folder`` with a Playwright ``page``; the written files."""
    written = []
    for name, path, selector in SHOTS:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        if selector:
            page.locator(selector).scroll_into_view_if_needed()
        page.screenshot(path=str(folder / name))
        written.append(folder / name)
    return written


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str]) -> int:
    import httpx
    from playwright.sync_api import sync_playwright

    folder = Path(argv[0]) if argv else ROOT / "docs" / "img"
    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--home", str(ROOT), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(url + "/status", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print("screenshots: kg serve did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for path in take(page, url, folder):
                    print(f"wrote {path}")
            finally:
                browser.close()
    finally:
        server.terminate()
        server.wait(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
