"""Text comparison shared by every search: folding what people type to plain ASCII."""

from __future__ import annotations

import unicodedata

_FOLD_MAP = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ð": "d", "þ": "th", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case with Norwegian letters and diacritics folded to ASCII: "Tromsø" → "tromso",
    "Ålesund" → "alesund", "Evenášši" → "evenassi"."""
    lowered = text.casefold().translate(_FOLD_MAP)
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("aa", "a")
