"""The repository's nginx configuration, run by Debian's nginx, serves what the README promises."""

from __future__ import annotations

import gzip
import json
import urllib.request
from pathlib import Path

import brotli
import pytest
from helpers import NGINX_SUB_PATH

from partnerskap.nginx import NginxSite, content_security_policy

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = NGINX_SUB_PATH


@pytest.fixture
def nginx(nginx_site: NginxSite) -> NginxSite:
    """nginx with the built site at a sub-path (as intranets often serve it): the session's one."""
    return nginx_site


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def pyodide_url(site: NginxSite, name: str) -> str:
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    return f"{site.url}{SUB_PATH}assets/pyodide/{version}/{name}"


@pytest.mark.parametrize(
    "path,mime",
    [
        ("", "text/html"),
        ("assets/javascripts/checklist.js", "text/javascript"),
        ("sjekklister/partnerskapsavtale.json", "application/json"),
        ("assets/engine/manifest.json", "application/json"),
    ],
)
def test_mime_types_and_security_headers(nginx: NginxSite, path: str, mime: str) -> None:
    status, headers, _ = fetch(nginx.url + SUB_PATH + path)
    assert status == 200
    assert headers["content-type"].startswith(mime)
    assert headers["content-security-policy"] == content_security_policy()
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-cache"


def test_pyodide_is_immutable_and_sent_precompressed(nginx: NginxSite) -> None:
    plain_status, plain_headers, plain = fetch(pyodide_url(nginx, "pyodide.asm.wasm"))
    assert plain_status == 200 and plain_headers["content-type"] == "application/wasm"
    assert plain_headers["cache-control"] == "public, max-age=31536000, immutable"
    assert plain_headers["content-security-policy"] == content_security_policy()
    status, headers, body = fetch(pyodide_url(nginx, "pyodide.asm.wasm"), **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == plain
    assert len(body) < 0.5 * len(plain)
    assert fetch(pyodide_url(nginx, "pyodide.mjs"))[1]["content-type"].startswith("text/javascript")


def test_brotli_when_the_module_is_installed(nginx: NginxSite) -> None:
    if not nginx.brotli:
        pytest.skip("Debian's libnginx-mod-http-brotli-static is not installed (scripts/test installs it)")
    status, headers, body = fetch(pyodide_url(nginx, "pyodide.asm.wasm"), **{"Accept-Encoding": "br, gzip"})
    assert status == 200 and headers["content-encoding"] == "br"
    assert brotli.decompress(body) == fetch(pyodide_url(nginx, "pyodide.asm.wasm"))[2]


def test_hashed_material_bundle_is_immutable_and_pages_revalidate(nginx: NginxSite) -> None:
    _, _, page = fetch(nginx.url + SUB_PATH)
    bundle = next(part for part in page.decode().split('"') if "javascripts/bundle." in part)
    status, headers, _ = fetch(nginx.url + SUB_PATH + bundle.lstrip("./"))
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    _, headers, _ = fetch(nginx.url + SUB_PATH + "ordliste/")
    etag = headers["etag"]
    status, headers, body = fetch(nginx.url + SUB_PATH + "ordliste/", **{"If-None-Match": etag})
    assert status == 304 and body == b""


def test_missing_file_is_404_with_the_policy(nginx: NginxSite) -> None:
    status, headers, _ = fetch(nginx.url + SUB_PATH + "finnes-ikke/")
    assert status == 404
    assert headers["content-security-policy"] == content_security_policy()


def test_readme_documents_the_policy_the_server_sends() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {content_security_policy()}\n" in readme
