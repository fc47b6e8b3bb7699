"""One headless Chromium per test module (Debian's /usr/bin/chromium driven by Playwright, which never
downloads a browser): the ``browser`` fixture of the pages' tests (tests/serve/test_serve_clients.py) and
the docs' (tests/publish/test_docs_chromium.py).  A pytest plugin, loaded by conftest.py."""

from __future__ import annotations

import os

import pytest

from helpers.thirdparty import need_tool


@pytest.fixture(scope="module")
def browser():
    need_tool("chromium")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"])
        try:
            yield b
        finally:
            b.close()
