"""Translations are compiled with polib so no system gettext is needed to build them.

The compiled ``.mo`` files are committed: `make run` on a fresh machine needs nothing more.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def po_files() -> list[Path]:
    return sorted(p for base in settings.LOCALE_PATHS for p in Path(base).rglob("*.po"))


def compile_po(po_path: Path) -> Path:
    import polib

    mo_path = po_path.with_suffix(".mo")
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path
