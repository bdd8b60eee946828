"""Redraw the theme's PNG images from its SVG favicon, in headless Chromium.

    python scripts/make_theme_images.py

Writes themes/minhbach/static/img/favicon.png (192 × 192, for browsers and phones that
take no SVG icon) and social.png (1200 × 630, the picture link previews in Zalo and
Facebook show). Run it after changing favicon.svg or the site's name; the PNGs are
committed, so a build needs no browser.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parent.parent / "themes" / "minhbach" / "static" / "img"
SOCIAL = """<html><body style="margin:0;width:1200px;height:630px;background:#0b4f8a;color:#fff;
font-family:'DejaVu Sans',sans-serif;display:flex;flex-direction:column;justify-content:center;
padding:0 90px;box-sizing:border-box"><div style="display:flex;align-items:center;gap:40px">
<div style="border:6px solid #fff;border-radius:28px;line-height:0">{icon}</div>
<div style="font-size:110px;font-weight:700">Minh Bạch</div></div>
<p style="font-size:46px;line-height:1.3;margin:48px 0 0">Kế hoạch cải cách hành chính<br>
và kết quả thực hiện, công khai</p></body></html>"""


def _sized(svg: str, size: int) -> str:
    return svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)


def main() -> None:
    icon = (IMG / "favicon.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(SOCIAL.format(icon=_sized(icon, 150)))
        page.screenshot(path=IMG / "social.png")
        page = browser.new_page(viewport={"width": 192, "height": 192})
        page.set_content(f"<html><body style='margin:0;line-height:0'>{_sized(icon, 192)}"
                         "</body></html>")
        page.screenshot(path=IMG / "favicon.png", omit_background=True)
        browser.close()


if __name__ == "__main__":
    main()
