"""Run Debian's nginx with the project's server configuration (server/nginx/) on 127.0.0.1.

Used by the tests and the benchmark, so both meet the site as the README's production set-up
serves it: precompressed files, caching headers, the strict Content-Security-Policy.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parents[1] / "server" / "nginx"
NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def content_security_policy() -> str:
    """The policy the server configuration sends (its one home: security-headers.conf)."""
    text = (CONFIG_DIR / "security-headers.conf").read_text(encoding="utf-8")
    match = re.search(r'add_header Content-Security-Policy "([^"]+)"', text)
    if match is None:
        raise ValueError("security-headers.conf has no Content-Security-Policy line")
    return match.group(1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NginxSite:
    """nginx serving ``root`` (the site, or a folder holding it in a sub-folder) until :meth:`stop`."""

    def __init__(self, root: Path, work_dir: Path) -> None:
        if not Path(NGINX).is_file():
            raise FileNotFoundError(f"{NGINX} is missing: scripts/test installs Debian's nginx")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.brotli = BROTLI_MODULE.is_file()
        self.access_log = work_dir / "logs" / "access.log"
        conf = work_dir / "conf"
        shutil.copytree(CONFIG_DIR, conf / "partnerskap", dirs_exist_ok=True)
        (work_dir / "logs").mkdir(parents=True, exist_ok=True)
        user = "user root;" if os.geteuid() == 0 else ""  # workers must read pytest's 0700 folders
        (conf / "nginx.conf").write_text(
            f"""{f"load_module {BROTLI_MODULE};" if self.brotli else ""}
{user}
daemon off;
worker_processes 1;
pid {work_dir}/nginx.pid;
error_log {work_dir}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    log_format sent '$status $bytes_sent $body_bytes_sent "$request"';
    access_log {work_dir}/logs/access.log sent;
    client_body_temp_path {work_dir}/tmp_body;
    proxy_temp_path {work_dir}/tmp_proxy;
    fastcgi_temp_path {work_dir}/tmp_fastcgi;
    uwsgi_temp_path {work_dir}/tmp_uwsgi;
    scgi_temp_path {work_dir}/tmp_scgi;
    sendfile on;
    server {{
        listen 127.0.0.1:{self.port};
        root {root};
        include partnerskap/partnerskap.conf;
        {"include partnerskap/brotli.conf;" if self.brotli else ""}
    }}
}}
""",
            encoding="utf-8",
        )
        check = subprocess.run(
            [NGINX, "-t", "-p", str(work_dir), "-c", str(conf / "nginx.conf")], capture_output=True, check=False
        )
        if check.returncode != 0 or b"[warn]" in check.stderr:  # the shipped configuration must be clean
            raise RuntimeError(check.stderr.decode())
        self.process = subprocess.Popen(
            [NGINX, "-p", str(work_dir), "-c", str(conf / "nginx.conf")], stderr=subprocess.PIPE
        )
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.process.stderr.read().decode() if self.process.stderr else "nginx exited")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)  # polling a socket for readiness, not waiting for a result
        raise TimeoutError("nginx did not start listening")

    def log_position(self) -> int:
        """Where the access log ends now: pass it to :meth:`sent_since` to see the requests after it."""
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def sent_since(self, position: int) -> list[tuple[int, int, int, str]]:
        """(status, bytes sent with headers, body bytes, request line) of each response logged after ``position``."""
        with self.access_log.open("rb") as log:
            log.seek(position)
            lines = log.read().decode().splitlines()
        entries = []
        for line in lines:
            status, sent, body, request = line.split(" ", 3)
            entries.append((int(status), int(sent), int(body), request.strip('"')))
        return entries

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
