"""Language identification with lingua, restricted to the languages of the news we read."""

from __future__ import annotations

import re
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

NEWS_LANGUAGES = ("id", "ms", "en", "de", "es", "fr", "it", "pt", "nl", "ru", "tr", "pl", "ar", "zh", "ja", "ko")
UNDETERMINED = "und"
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
_LETTER = re.compile(r"[^\W\d_]")


def lingua_languages() -> list[Language]:
    """The news languages as lingua names them."""
    return [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in NEWS_LANGUAGES]


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*lingua_languages()).build()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or "und" when too short or unsure."""
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        return UNDETERMINED
    confidences = _detector().compute_language_confidence_values(text)
    best = confidences[0]
    if best.value < MIN_CONFIDENCE:
        return UNDETERMINED
    return best.language.iso_code_639_1.name.lower()
