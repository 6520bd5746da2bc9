import polib
import pytest

from knutepunkt.core.i18n import po_files


def test_there_is_a_bokmal_catalogue():
    assert any("/nb/" in str(p) for p in po_files())


@pytest.mark.parametrize("po_path", po_files(), ids=str)
def test_bokmal_catalogue_is_complete(po_path):
    catalogue = polib.pofile(str(po_path))
    missing = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert missing == [], f"{len(missing)} untranslated or fuzzy entries, e.g. {missing[:5]}"


@pytest.mark.parametrize("po_path", po_files(), ids=str)
def test_compiled_catalogue_matches_its_source(po_path):
    """The committed .mo must be rebuilt (make messages-compile) whenever the .po changes."""
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
