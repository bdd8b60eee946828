"""A theme template that fails, reported where it failed.

Projects keep their own copy of the theme (`themes/minhbach/`). A copy made from an
older or newer Minh Bạch, or edited by hand, can name a value this generator no longer
gives its pages; Jinja then raises mid-page. Staff get the template's file and line and
a Vietnamese sentence, not "unexpected error", and the last good site stays.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import jinja2
from pelican.generators import PelicanTemplateNotFound

from ..errors import InvalidProject, Location, Problems, relative

_HINT = ("nếu thư mục themes/ được chép từ một bản Minh Bạch khác, hãy chép lại "
         "themes/minhbach từ bản đang dùng")


TEMPLATE_ERRORS = (jinja2.TemplateError, PelicanTemplateNotFound)


def template_failure(error: jinja2.TemplateError | PelicanTemplateNotFound, page: str | None,
                     root: Path) -> InvalidProject:
    """`error`, raised while the page `page` (when known) was rendered, as a located problem."""
    problems = Problems()
    what = f"không dựng được trang /{page}" if page else "không dựng được trang"
    problems.add(_where(error, root), f"mẫu giao diện {what}: {_what(error)}; {_HINT}")
    return InvalidProject(problems)


def _what(error: jinja2.TemplateError | PelicanTemplateNotFound) -> str:
    if isinstance(error, PelicanTemplateNotFound):
        return f"thiếu tệp mẫu “{_missing(error)}.html”"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"thiếu tệp mẫu “{error.name}”"
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"lỗi cú pháp mẫu ({error.message})"
    if isinstance(error, jinja2.UndefinedError):
        return f"mẫu dùng một giá trị trình dựng không cung cấp ({error.message})"
    return f"{type(error).__name__} ({error.message})"


def _where(error: jinja2.TemplateError | PelicanTemplateNotFound, root: Path) -> Location:
    """The innermost template line: Jinja puts template files and lines in tracebacks."""
    if isinstance(error, PelicanTemplateNotFound):
        return Location(f"themes/minhbach/templates/{_missing(error)}.html")
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return Location(relative(Path(error.filename), root), error.lineno or 0, 1)
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if f.filename.endswith((".html", ".xml", ".j2"))]
    if not frames:
        return Location(relative(root / "themes", root))
    last = frames[-1]
    return Location(relative(Path(last.filename), root), last.lineno or 0, 1)


def _missing(error: PelicanTemplateNotFound) -> str:
    """The template Pelican could not find ("unable to load area[.html] from […]")."""
    found = re.search(r"load (\S+?)\[", str(error))
    return found.group(1) if found else "?"
