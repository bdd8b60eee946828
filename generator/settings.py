"""Site configuration (minhbach.toml) and the Pelican settings derived from it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .data.paths import safe_path
from .data.validation import message
from .errors import InvalidProject, Location, Problems
from .facts import paging

CONFIG_FILE = "minhbach.toml"
# How Pelican turns a news or page title into its slug; `routes` predicts URLs with it.
SLUG_REGEX_SUBSTITUTIONS = [(r"/", "-"), (r"[^\w\s-]", ""), (r"(?u)\A\s*", ""),
                            (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


class SiteConfig(BaseModel):
    """Settings a deployment may change; every one is documented in README.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "Minh Bạch"
    tagline: str = "Công khai kế hoạch cải cách hành chính và kết quả thực hiện"
    url: str = "http://localhost:8000"
    sample_data_label: bool = True
    news_per_page: int = 10
    search: bool = True
    # Who publishes the site, shown in the header and footer of every page.
    publisher: str | None = None
    publisher_logo: str | None = None  # a file under content/files/, e.g. "logo.png"
    publisher_address: str | None = None
    publisher_phone: str | None = None
    publisher_email: str | None = None
    feedback_url: str | None = None  # where citizens send phản ánh, kiến nghị

    @field_validator("publisher_logo")
    @classmethod
    def _logo_inside_files(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(
                r"(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9._/-]*\.(png|jpg|jpeg|webp)", value):
            # Not SVG: an SVG under content/files/ could run script as a page of the site.
            raise ValueError("cần tên một tệp ảnh (.png, .jpg, .webp) trong content/files/, "
                             "ví dụ “logo.png”")
        return value

    @field_validator("publisher_email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^@\s\"<>]+@[^@\s\"<>]+\.[^@\s\"<>]+", value):
            raise ValueError("cần một địa chỉ thư điện tử, ví dụ “vanphong@so.gov.vn”")
        return value

    @field_validator("feedback_url", "url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s\"<>]+", value):
            raise ValueError("cần một địa chỉ bắt đầu bằng https:// hoặc http://")
        return value

    # Where the browser editor (/admin/) saves: Netlify's git gateway, or GitHub directly.
    admin_backend: Literal["git-gateway", "github"] = "git-gateway"
    admin_repo: str | None = None  # "owner/name", for the github backend
    admin_branch: str = "main"


def load_config(root: Path) -> SiteConfig:
    path = root / CONFIG_FILE
    if not path.exists():
        return SiteConfig()
    problems = Problems()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        config = SiteConfig.model_validate(raw.get("site", {}))
        if config.publisher_logo is not None:
            safe_path(root, config.publisher_logo)
        return config
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 gives the place only inside the message: "… (at line 2, column 13)".
        place = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(place.group(1)), int(place.group(2))) if place else (1, 1)
        problems.add(Location(CONFIG_FILE, line, column), f"lỗi cú pháp TOML: {_toml_reason(exc)}")
    except ValidationError as exc:
        for error in exc.errors():
            key = str(error["loc"][-1])
            problems.add(_key_location(path, key),
                         f"mục [site], khóa “{key}”: " + message(error, SiteConfig.model_fields))
    # Last: TOMLDecodeError and ValidationError are ValueErrors too.
    except ValueError as exc:  # safe_path: the logo is missing or outside content/files/
        problems.add(_key_location(path, "publisher_logo"),
                     f"mục [site], khóa “publisher_logo”: {exc}")
    raise InvalidProject(problems)


# tomllib's phrases, said in Vietnamese; anything else gets the general hint.
_TOML_PHRASES = {
    "Expected '=' after a key": "thiếu dấu “=” sau tên khóa",
    "Invalid value": "giá trị không hợp lệ; văn bản phải đặt trong dấu ngoặc kép",
    "Unterminated string": "thiếu dấu ngoặc kép đóng",
    "Cannot overwrite a value": "một khóa được khai báo hai lần",
    "Cannot declare": "một bảng [..] được khai báo hai lần",
    "Unclosed array": "danh sách “[ ]” chưa đóng",
    "Expected newline": "mỗi dòng chỉ được có một “tên = giá trị”",
}


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    return next((vietnamese for phrase, vietnamese in _TOML_PHRASES.items()
                 if str(exc).startswith(phrase)),
                "mỗi dòng cần dạng “tên = giá trị” hoặc “[bảng]”; văn bản đặt trong dấu ngoặc kép")


def _key_location(path: Path, key: str) -> Location:
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1)
                 if re.match(rf"\s*{re.escape(key)}\s*=", text)), 0)
    return Location(CONFIG_FILE, line, 1 if line else 0)


def pelican_settings(root: Path, output: Path, config: SiteConfig) -> dict[str, Any]:
    """Pelican settings for one build; paths are absolute only inside the build."""
    from .site.markdown import MarkdownItReader

    return {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(output),
        "THEME": str(root / "themes" / "minhbach"),
        "PLUGINS": ["generator.site.plugin"],
        "MINHBACH_ROOT": str(root),
        "MINHBACH_CONFIG": config,
        "SITENAME": config.name,
        # Templates link root-relative ("/ke-hoach/…"); SITEURL only makes feed links absolute.
        "SITEURL": config.url.rstrip("/"),
        "FEED_DOMAIN": config.url.rstrip("/"),
        "AUTHOR": config.name,
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEFAULT_LANG": "vi",
        "LOCALE": ("C",),
        "READERS": {"md": MarkdownItReader, "markdown": MarkdownItReader, "html": None,
                    "htm": None, "rst": None},
        "ARTICLE_PATHS": ["news"],
        "PAGE_PATHS": ["pages"],
        "STATIC_PATHS": ["files"],
        "IGNORE_FILES": [".*", "plans"],
        "ARTICLE_URL": "tin-tuc/{date:%Y}/{slug}/",
        "ARTICLE_SAVE_AS": "tin-tuc/{date:%Y}/{slug}/index.html",
        "PAGE_URL": "{slug}/",
        "PAGE_SAVE_AS": "{slug}/index.html",
        "INDEX_SAVE_AS": "tin-tuc/index.html",
        "YEAR_ARCHIVE_URL": "tin-tuc/{date:%Y}/",
        "YEAR_ARCHIVE_SAVE_AS": "tin-tuc/{date:%Y}/index.html",
        "ARCHIVES_URL": "tin-tuc/luu-tru/",
        "ARCHIVES_SAVE_AS": "tin-tuc/luu-tru/index.html",
        "CATEGORY_SAVE_AS": "",
        "CATEGORIES_SAVE_AS": "",
        "TAG_SAVE_AS": "",
        "TAGS_SAVE_AS": "",
        "AUTHOR_SAVE_AS": "",
        "AUTHORS_SAVE_AS": "",
        "DIRECT_TEMPLATES": ["index", "archives"],
        "DEFAULT_PAGINATION": config.news_per_page,
        # The date archive lists a line per post: paged like our long lists (facts/paging).
        "PAGINATED_TEMPLATES": {"index": None, "archives": paging.NEWS_ARCHIVE_ROWS},
        "PAGINATION_PATTERNS": [
            (1, "{url}", "{save_as}"),
            (2, "{base_name}/trang-{number}/", "{base_name}/trang-{number}/index.html"),
        ],
        "FEED_ALL_ATOM": "feeds/atom.xml",
        "FEED_ALL_RSS": None,
        "CATEGORY_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "TRANSLATION_FEED_ATOM": None,
        "DEFAULT_DATE_FORMAT": "%d/%m/%Y",
        "SLUGIFY_SOURCE": "title",
        "SLUG_REGEX_SUBSTITUTIONS": SLUG_REGEX_SUBSTITUTIONS,
        "RELATIVE_URLS": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_CONTENT": False,
        "DELETE_OUTPUT_DIRECTORY": False,
        "OUTPUT_SOURCES": False,
        "JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                              "extensions": ["generator.site.i18n.ConstantTranslations"]},
    }
