"""What a host needs beside the pages: the browser editor and the `_headers` file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..data.dataset import Dataset
from ..publishing import staged_files
from ..settings import SiteConfig
from .admin import DECAP_DIST, MISSING, publish_admin
from .headers import write_headers_file


def add_deployment_files(root: Path, site: Path, config: SiteConfig, data: Dataset,
                         kept: Iterable[str] = ()) -> str:
    """Added after the sitemap and search index are written, so neither lists the admin.
    `kept`: the site's files that are not in `site` (see `publishing`).

    Returns what was added, in Vietnamese, for the build's account of its phases."""
    admin = publish_admin(root, site, config, data)
    write_headers_file(site, [*staged_files(site), *kept])
    return "/admin/, _headers" if admin else "_headers. " + MISSING.format(
        dist=DECAP_DIST.as_posix())
