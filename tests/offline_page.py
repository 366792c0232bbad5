"""A page opened in Chromium that must stay offline: one helper for the browser tests and the
index benchmark.

Every request but ``file:``, ``data:`` and ``blob:`` URLs is aborted and recorded in
``external``; console errors and page errors go to ``errors``.

>>> p = OfflinePage(browser, Path("reports/index.html"))   # doctest: +SKIP
>>> p.errors, p.external                                    # doctest: +SKIP
([], [])
"""

from __future__ import annotations

from pathlib import Path

LOCAL = ("file:", "data:", "blob:")


class OfflinePage:
    """``path`` in a fresh browser context (service workers blocked); ``javascript=False`` for a
    reader without scripts, ``downloads=True`` to accept downloads."""

    def __init__(self, browser, path: Path, *, javascript: bool = True,
                 downloads: bool = False) -> None:
        self.context = browser.new_context(java_script_enabled=javascript,
                                           accept_downloads=downloads, service_workers="block")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text)
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(Path(path).resolve().as_uri(), wait_until="load")

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()
