"""A static file server for the built site on 127.0.0.1, with the MIME types the site needs."""

from __future__ import annotations

import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from partnerskap.nginx import content_security_policy

MIME_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
}
"""What an intranet server must send for the site to work (documented in the README)."""

CONTENT_SECURITY_POLICY = content_security_policy()
"""The strict policy the site is tested under: the one the server configuration sends (no inline script, no eval)."""


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    extra_headers: ClassVar[dict[str, str]] = {}

    def __init__(self, request, client_address, server) -> None:
        # The served folder is looked up per request, so a test can switch site versions.
        super().__init__(request, client_address, server, directory=str(server.site_root))

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class SiteServer:
    """Serves ``root`` on 127.0.0.1 on a free port until :meth:`stop`."""

    def __init__(
        self, root: Path, headers: dict[str, str] | None = None, port: int = 0, handler_base: type = SiteHandler
    ) -> None:
        handler = type("Handler", (handler_base,), {"extra_headers": headers or {}})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.site_root = root
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def root(self) -> Path:
        return self.httpd.site_root

    @root.setter
    def root(self, root: Path) -> None:
        self.httpd.site_root = root

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
