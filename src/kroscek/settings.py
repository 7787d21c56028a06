"""How a run matches and cross-checks: one ``Settings`` that the front ends build and the engines
pass on.

The CLI (``--fast``) and the Python API build it with ``Settings.from_options``, the web app's
job worker with ``Settings.from_env`` (``KROSCEK_MODE``, which ``kroscek serve --fast`` sets);
the engines hand it to the story matcher and the cross-check, and each stage reads the one value
it needs from it.

``mode`` is the one choice a user makes:

- ``default``: the static word vectors find and pre-filter a story's candidate pairs, e5
  (multilingual-e5-small) scores the pairs that might link, and claims, quotes and translations
  are aligned with e5;
- ``fast``: the static word vectors alone, everywhere (no e5 model is loaded): much faster, a
  little less exact (the README gives both modes' figures).

The story thresholds of each mode are tuned in ``match.stories`` (``THRESHOLDS``,
``FAST_THRESHOLDS``); ``thresholds`` replaces them, for an evaluation that tries others.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Literal

MODE_VARIABLE = "KROSCEK_MODE"
CASCADE_VARIABLE = "KROSCEK_CASCADE"

Encoder = Literal["e5", "static"]


class Mode(str, Enum):
    DEFAULT = "default"  # e5 where a pair might link, and for the cross-check
    FAST = "fast"  # the static word vectors alone


@dataclass(frozen=True)
class Thresholds:
    """``link``: the pair similarity (less the time penalty) that puts two articles in one story;
    ``merge``: the link strength to each of two stories that merges them."""

    link: float
    merge: float

    @property
    def floor(self) -> float:
        """Weaker pairs never place an article."""
        return min(self.link, self.merge)


@dataclass(frozen=True)
class Settings:
    """The mode a run matches and cross-checks in, and story thresholds that replace the mode's
    tuned ones (``None``: the tuned ones)."""

    mode: Mode = Mode.DEFAULT
    thresholds: Thresholds | None = None

    @property
    def encoder(self) -> Encoder:
        """The encoder that scores story pairs and aligns claims, quotes and translations."""
        return "static" if self.mode is Mode.FAST else "e5"

    @property
    def fast(self) -> bool:
        return self.mode is Mode.FAST

    @classmethod
    def from_options(cls, fast: bool = False) -> Settings:
        """The settings of a command line's or a function call's options (``--fast``)."""
        return cls(Mode.FAST if fast else Mode.DEFAULT)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings named by ``KROSCEK_MODE`` (``default`` or ``fast``; unset or empty:
        ``default``); another value is a ``ValueError``."""
        value = (os.environ if environ is None else environ).get(MODE_VARIABLE, "").strip().lower()
        if not value:
            return cls()
        try:
            return cls(Mode(value))
        except ValueError:
            raise ValueError(f"{MODE_VARIABLE}={value!r}: expected default or fast") from None

    def to_env(self) -> dict[str, str]:
        """The variables ``from_env`` reads these settings back from (for a server's workers)."""
        return {MODE_VARIABLE: self.mode.value}


DEFAULT = Settings()
FAST = Settings(Mode.FAST)


def cascade_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the default mode's cross-check sends to e5 only what cheap signals leave open (the
    claims that might align, the quote pairs that might be one statement, the article pairs that
    might be translations): on unless ``KROSCEK_CASCADE`` is ``off`` (or ``0``, ``false``, ``no``),
    which embeds every claim, quote and translation candidate's sentences, to measure the cascade
    against."""
    value = (os.environ if environ is None else environ).get(CASCADE_VARIABLE, "").strip().lower()
    return value not in ("off", "0", "false", "no")
