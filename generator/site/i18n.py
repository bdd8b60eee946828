"""Theme strings: the theme's gettext catalogue (vi), compiled in memory by Babel.

Compiling at build time keeps binary .mo files out of the repository and means a
translator's edit to the .po file shows up on the next build.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import lexer
from jinja2.ext import InternationalizationExtension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup


def catalogue_path(theme: Path, locale: str = "vi") -> Path:
    return theme / "translations" / f"{locale}.po"


@lru_cache(maxsize=4)
def translations(po_file: Path) -> gettext.GNUTranslations:
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


_LITERAL_CALL = [lexer.TOKEN_NAME, lexer.TOKEN_LPAREN, lexer.TOKEN_STRING, lexer.TOKEN_RPAREN]


class ConstantTranslations(InternationalizationExtension):
    """Jinja's i18n extension, with `_('literal')` translated once, when a template compiles.

    The theme calls `_()` with a literal about 130 times per page, many of them per table
    row: 143,000 runtime calls at size S. The catalogue does not change while a template
    lives (each build makes new environments), so the call is replaced by its result,
    marked safe exactly as newstyle gettext marks it under autoescaping. Calls with
    variables, or on a non-literal (`_(f.label)`), are left to run.
    """

    _translate: Callable[[str], str] | None = None

    def _install_callables(self, gettext: Callable[[str], str], *args: Any,
                           **kwargs: Any) -> None:
        super()._install_callables(gettext, *args, **kwargs)
        # Folding reproduces newstyle gettext under autoescaping (a Markup, `%` formatted).
        newstyle = self.environment.newstyle_gettext  # type: ignore[attr-defined]
        self._translate = gettext if newstyle and self.environment.autoescape is True else None

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        tokens = list(stream)
        skip = 0
        for i, token in enumerate(tokens):
            if skip:
                skip -= 1
                continue
            text = self._literal_call(tokens, i)
            if text is None:
                yield token
                continue
            # `('text'|safe)`: Jinja's optimiser folds it into a Markup constant.
            yield Token(token.lineno, lexer.TOKEN_LPAREN, "(")
            yield Token(token.lineno, lexer.TOKEN_STRING, text)
            yield Token(token.lineno, lexer.TOKEN_PIPE, "|")
            yield Token(token.lineno, lexer.TOKEN_NAME, "safe")
            yield Token(token.lineno, lexer.TOKEN_RPAREN, ")")
            skip = 3

    def _literal_call(self, tokens: list[Token], i: int) -> str | None:
        """The translated text if tokens[i:i+4] are `_ ( 'literal' )`, not after a dot."""
        window = tokens[i:i + 4]
        if (self._translate is None or window[0].value != "_"
                or [t.type for t in window] != _LITERAL_CALL
                or (i > 0 and tokens[i - 1].type == lexer.TOKEN_DOT)):
            return None
        try:
            return str(Markup(self._translate(window[2].value)) % {})
        except (TypeError, ValueError, KeyError):
            return None  # not a valid format string: let it fail at run time, as before
