import re

import polib
import pytest
from django.conf import settings

from knutepunkt.core.i18n import po_files

# The written languages besides English (the msgids); each needs a complete catalogue.
CATALOGUE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

# What a translation must carry over from its msgid unchanged: %-placeholders (named or
# not), str.format fields and HTML tags.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}|</?[a-zA-Z][^>]*>")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def catalogue(code: str, domain: str = "django") -> polib.POFile:
    path = settings.LOCALE_PATHS[0] / code / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path))


def test_every_written_language_has_a_catalogue():
    assert CATALOGUE_LANGUAGES == ["nb", "nn"]
    found = {p.parent.parent.name for p in po_files()}
    assert set(CATALOGUE_LANGUAGES) <= found


@pytest.mark.parametrize("po_path", po_files(), ids=str)
def test_catalogue_is_complete(po_path):
    """100 %: no empty msgstr, no fuzzy entry (bokmål and nynorsk alike)."""
    entries = polib.pofile(str(po_path))
    missing = [e.msgid for e in entries if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == [], f"{len(missing)} untranslated or fuzzy entries, e.g. {missing[:5]}"


@pytest.mark.parametrize("po_path", po_files(), ids=str)
def test_translations_keep_the_placeholders_of_their_msgid(po_path):
    wrong = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0])] + [
                (entry.msgid_plural, text) for n, text in entry.msgstr_plural.items() if n > 0
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            if placeholders(source) != placeholders(text):
                wrong.append(f"{source!r} -> {text!r}")
    assert wrong == [], "\n".join(wrong[:10])


def test_nynorsk_covers_every_bokmal_message():
    """The same messages in both: nothing added to one catalogue and forgotten in the other."""
    for domain in ("django", "djangojs"):
        path = settings.LOCALE_PATHS[0] / "nb" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        bokmal = {(e.msgctxt, e.msgid) for e in catalogue("nb", domain) if not e.obsolete}
        nynorsk = {(e.msgctxt, e.msgid) for e in catalogue("nn", domain) if not e.obsolete}
        assert sorted(bokmal - nynorsk, key=str) == []


def test_the_placeholder_check_can_fail():
    assert placeholders("%(name)s at {0} <b>x</b>") != placeholders("%(navn)s ved x")


@pytest.mark.parametrize("po_path", po_files(), ids=str)
def test_compiled_catalogue_matches_its_source(po_path):
    """The committed .mo must be rebuilt (manage.py compile_translations) whenever the .po
    changes."""
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(po_path))
        if e.translated() and not e.obsolete and not e.fuzzy
    }
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.mofile(str(po_path.with_suffix(".mo")))
        if e.msgid
    }
    assert compiled == source
