"""The browser editor at /admin/: Decap CMS's prebuilt files, our page and its config.yml.

Decap comes from npm (`npm ci` installs the version package-lock.json pins); its
prebuilt `dist/` is copied into the site, so the admin loads nothing from a CDN. Without
node_modules the site is still built, without the admin, and a Vietnamese notice says
how to add it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..data.dataset import Dataset
from ..settings import SiteConfig
from .decap_config import decap_config
from .headers import ADMIN

DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
# The entry script, its lazily loaded chunks, the WebAssembly they fetch and the licence.
DECAP_FILES = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")
PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="/theme/img/favicon.svg" type="image/svg+xml">
<title>Soạn thảo — {name}</title>
</head>
<body>
<script src="decap-cms.js"></script>
</body>
</html>
"""


class _PlainDumper(yaml.SafeDumper):
    """Writes a field shared by several collections in full each time: no &anchors."""

    def ignore_aliases(self, data: object) -> bool:
        return True


MISSING = ("Chưa có trình soạn thảo /admin/: thiếu {dist}. Chạy “npm ci” ở thư mục dự án "
           "(cần Node.js) rồi dựng lại; trang công khai vẫn được dựng đầy đủ.")


def publish_admin(root: Path, site: Path, config: SiteConfig, data: Dataset) -> bool:
    """Write site/admin/; False when Decap is not installed (the build then says `MISSING`)."""
    dist = root / DECAP_DIST
    if not (dist / DECAP_FILES[0]).is_file():
        return False
    admin = site / ADMIN
    admin.mkdir()
    for pattern in DECAP_FILES:
        for source in sorted(dist.glob(pattern)):
            shutil.copyfile(source, admin / source.name)
    (admin / "index.html").write_text(PAGE.format(name=config.name), encoding="utf-8")
    text = yaml.dump(decap_config(data, config), Dumper=_PlainDumper, allow_unicode=True,
                     sort_keys=False, width=100)
    (admin / "config.yml").write_text(text, encoding="utf-8")
    return True
