"""Languages: database content in the reader's language, and compiled translations.

**Content.** Text that people write in the database comes in one field per language,
named ``<field>_<language code>``: ``name_nb`` and ``name_en``, ``description_nb`` and
``description_en``. :func:`localized` picks the one for the active language and falls back
to bokmål when that translation is empty or does not exist. Adding a language (nynorsk,
``nn``) takes only its fields (``name_nn`` …) and its entry in ``settings.LANGUAGES``:
objects without the new field keep answering in bokmål.

**Translations.** They are compiled with polib so no system gettext is needed to build
them. The compiled ``.mo`` files are committed: `make run` on a fresh machine needs
nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import get_language

# Every text exists in bokmål; every other language falls back to it.
FALLBACK_LANGUAGE = "nb"

_MISSING = object()


@dataclass(frozen=True)
class LocalizedText:
    """A text and the language it is actually in (for a ``lang`` attribute when the
    reader's language had no translation and bokmål stands in)."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


def content_language(language: str | None = None) -> str:
    """The language code content fields use for ``language`` (default: the active
    language): ``"en-gb"`` → ``"en"``."""
    code = language or get_language() or settings.LANGUAGE_CODE
    return code.split("-")[0].lower()


def _read(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, _MISSING)
    return getattr(obj, name, _MISSING)


def localized_text(obj: Any, field: str, language: str | None = None) -> LocalizedText:
    """``<field>_<language>`` of ``obj`` (a model instance or a ``values()`` row), or the
    bokmål ``<field>_nb`` when that is empty or missing, with the language it is in.

    Bokmål may also live under the bare name (``Event.description``) when the object has
    no ``<field>_nb``."""
    wanted = content_language(language)
    if wanted != FALLBACK_LANGUAGE:
        value = _read(obj, f"{field}_{wanted}")
        if value is not _MISSING and value:
            return LocalizedText(value, wanted)
    value = _read(obj, f"{field}_{FALLBACK_LANGUAGE}")
    if value is _MISSING:
        value = _read(obj, field)
    if value is _MISSING:
        raise AttributeError(f"{type(obj).__name__} has no {field}_{FALLBACK_LANGUAGE}")
    return LocalizedText(value or "", FALLBACK_LANGUAGE)


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """The text of ``field`` in ``language`` (default: the active language), falling back
    to bokmål: ``localized(topic, "name")``, ``localized(row, "topic__name")``."""
    return localized_text(obj, field, language).text


def po_files() -> list[Path]:
    return sorted(p for base in settings.LOCALE_PATHS for p in Path(base).rglob("*.po"))


def compile_po(po_path: Path) -> Path:
    import polib

    mo_path = po_path.with_suffix(".mo")
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path
