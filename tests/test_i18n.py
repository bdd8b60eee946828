import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from jinja2 import Environment

from generator import build as pipeline
from generator.settings import load_config, pelican_settings
from generator.site.i18n import ConstantTranslations, catalogue_path, translations

from .conftest import PROJECT_ROOT

THEME = PROJECT_ROOT / "themes" / "minhbach"


def _msgids_in_templates() -> set[str]:
    found: set[str] = set()
    for template in (THEME / "templates").glob("*.html"):
        found |= set(re.findall(r"_\('([^']*)'\)", template.read_text(encoding="utf-8")))
    return found


def test_every_theme_string_has_a_vietnamese_translation() -> None:
    with catalogue_path(THEME).open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id for m in catalog if m.id and m.string}
    assert not _msgids_in_templates() - translated


def test_catalogue_compiles_and_translates() -> None:
    vi = translations(catalogue_path(THEME))
    assert vi.gettext("Plans") == "Kế hoạch"
    assert vi.gettext("Skip to content") == "Bỏ qua, đến nội dung chính"


def _environments() -> tuple[Environment, Environment]:
    """Jinja's stock i18n and ours, both as the site configures them."""
    made = []
    for extension in ("jinja2.ext.i18n", ConstantTranslations):
        env = Environment(autoescape=True, extensions=[extension])
        env.install_gettext_translations(translations(catalogue_path(THEME)), newstyle=True)
        made.append(env)
    return made[0], made[1]


FOLDING_CASES = [
    "{{ _('Plans') }}",
    "<a title=\"{{ _('Skip to content') }}\">{{ _('No.') }}</a>",
    "{{ _('a < b & c') }}",  # newstyle gettext marks translations safe: not escaped
    "{{ _('100%%') }}",  # and formats them: %% is one %
    "{{ _('Tasks by status') ~ ', ' ~ tail }}",  # tail is escaped, the translation is not
    "{{ (_('Done') if on else _('done')) ~ tail }}",
    "{% set label = _('Late') %}{{ label }} {{ label|length }}",
    "{{ _(name) }}",  # not a literal: translated at run time
    "{{ _('%(n)s tasks', n=3) }}",  # variables: run time
    "{{ _('Plans'|upper) }}",  # not a plain call: run time
]


@pytest.mark.parametrize("source", FOLDING_CASES)
def test_folded_translations_render_exactly_like_jinjas_gettext(source: str) -> None:
    stock, ours = _environments()
    variables = {"tail": "<x>", "on": True, "name": "Plans"}
    assert ours.from_string(source).render(variables) == stock.from_string(source).render(variables)


def test_a_literal_translation_is_compiled_in_not_called() -> None:
    _, ours = _environments()
    code = ours.compile("{% for row in rows %}<td>{{ _('Latest status') }}</td>{% endfor %}",
                        raw=True)
    assert "Trạng thái mới nhất" in code or "Tr\\u1ea1ng" in code
    assert "gettext" not in code and "'_'" not in code
    dynamic = ours.compile("{{ _(label) }}", raw=True)
    assert "'_'" in dynamic  # still looked up and called


def test_an_attribute_named_underscore_is_not_taken_for_gettext() -> None:
    class Obj:
        @staticmethod
        def _(text: str) -> str:
            return text.upper()

    _, ours = _environments()
    assert ours.from_string("{{ obj._('Plans') }}").render(obj=Obj()) == "PLANS"


def test_the_site_environment_uses_the_folding_extension(tmp_path: Path) -> None:
    settings = pelican_settings(PROJECT_ROOT, tmp_path, load_config(PROJECT_ROOT))
    assert settings["JINJA_ENVIRONMENT"]["extensions"] == [ConstantTranslations.identifier]


def _html_pages(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*.html"))
            if "pagefind" not in p.parts}


def test_the_fixture_site_is_byte_identical_with_jinjas_own_i18n(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = site / "minhbach.toml"  # pages only: the index is built from them
    config.write_text(config.read_text(encoding="utf-8") + "search = false\n", encoding="utf-8")
    pipeline.build(site, tmp_path / "folded")

    def stock_i18n(*args: Any, **kwargs: Any) -> dict[str, Any]:
        settings = pelican_settings(*args, **kwargs)
        settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"],
                                         "extensions": ["jinja2.ext.i18n"]}
        return settings

    monkeypatch.setattr(pipeline, "pelican_settings", stock_i18n)
    pipeline.build(site, tmp_path / "stock")
    folded, stock = _html_pages(tmp_path / "folded"), _html_pages(tmp_path / "stock")
    assert len(folded) > 20 and folded == stock
