"""HTTP headers of the published site, written to `output/_headers` and sent by the preview.

One rule per top-level entry of the site, never two rules for one path: when two rules
match, hosts join the values of a repeated header, and two Content-Security-Policy values
are both enforced — the admin's looser policy would never take effect. So each entry gets
its complete set here, and the admin folder gets its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..site import urls

ADMIN = urls.ADMIN.strip("/")
FILES = "files"  # content/files/: documents staff attach, published as downloads
ASSETS = "theme"  # fingerprinted by `assets.asset_url`, so cached for a year
SEARCH = "pagefind"

# Pagefind runs WebAssembly in a worker: 'wasm-unsafe-eval' and blob: workers, nothing more.
SITE_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
            "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            "form-action 'self'; frame-ancestors 'none'")
# Decap CMS evaluates code and styles inline (emotion); it talks to the git host's API, or to
# decap-server on the editor's own machine (any port) when previewing locally.
ADMIN_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data: blob: https:; font-src 'self' data:; "
             "connect-src 'self' blob: http://localhost:* http://127.0.0.1:* https://api.github.com; "
             "frame-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; "
             "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
# A staff file is never a page: served as a download in a sandbox, an .html or .svg upload
# cannot run script with the site's origin.
FILES_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"

COMMON = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
}
SITE = {**COMMON, "Content-Security-Policy": SITE_CSP}
BY_ENTRY = {
    ADMIN: {**COMMON, "Content-Security-Policy": ADMIN_CSP, "Cache-Control": "no-cache",
            "X-Robots-Tag": "noindex"},
    FILES: {**COMMON, "Content-Security-Policy": FILES_CSP, "Content-Disposition": "attachment"},
    ASSETS: {**SITE, "Cache-Control": "public, max-age=31536000, immutable"},
    SEARCH: {**SITE, "Cache-Control": "public, max-age=3600"},
}

# Types Python's server does not know; Decap warns when its config.yml is not sent as YAML.
CONTENT_TYPES = {".yml": "text/yaml"}

Rules = list[tuple[str, dict[str, str]]]


def rules(files: Iterable[str]) -> Rules:
    """(path pattern, headers) for the home page and each top-level file and folder of the
    site whose `files` (paths relative to it) are given."""
    top = {name.split("/", 1)[0]: "/" in name for name in files}
    found: Rules = [("/", SITE)]
    for name, is_folder in sorted(top.items()):
        if name.startswith((".", "_")):
            continue
        headers = BY_ENTRY.get(name, SITE)
        found.append((f"/{name}/*" if is_folder else f"/{name}", headers))
    return found


def for_path(url_path: str) -> dict[str, str]:
    """The headers `rules` gives the path, for the preview server (no listing needed)."""
    first = url_path.lstrip("/").split("/", 1)[0]
    return BY_ENTRY.get(first, SITE)


def write_headers_file(output: Path, files: Iterable[str]) -> None:
    """`_headers`, the format Netlify and Cloudflare Pages read from the published folder."""
    lines = []
    for pattern, headers in rules(files):
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    (output / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
