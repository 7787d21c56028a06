"""The per-language word data that ships as ``resources/<kind>/<language>.json``.

One reader and one fallback rule for every stage: ``load(kind, language)`` gives the parsed file
of ``language``, and a language that has no file of that kind reads the Indonesian one
(``DEFAULT_LANGUAGE``, the language of the news this project reads; "und", Malay, or any other
language without its own list is read as Indonesian). A stage that does something other than
its word rules for such a language (the date reader hands it to dateparser) asks
``has(kind, language)`` first. Turning the data into a stage's typed lexicon stays in the stage.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

DEFAULT_LANGUAGE = "id"
_PACKAGE = "kroscek.resources"


def _folder(kind: str) -> Traversable:
    if not kind or not kind.replace("_", "").replace("-", "").isalnum():
        raise ValueError(f"not a resource kind: {kind!r}")
    folder = files(_PACKAGE).joinpath(kind)
    if not folder.is_dir():
        raise ValueError(f"no resources of kind {kind!r} (no folder resources/{kind})")
    return folder


@cache
def languages(kind: str) -> tuple[str, ...]:
    """The languages with their own ``resources/<kind>/<language>.json``, sorted (the folder is read
    once: the cross-check asks for every claim pair it relates)."""
    return tuple(sorted(p.name.removesuffix(".json") for p in _folder(kind).iterdir() if p.name.endswith(".json")))


def has(kind: str, language: str) -> bool:
    """Whether ``language`` has its own file of ``kind`` (else ``load`` reads the Indonesian one)."""
    return language in languages(kind)


def source_language(kind: str, language: str) -> str:
    """The language whose file ``load(kind, language)`` reads: its own, else ``DEFAULT_LANGUAGE``."""
    return language if has(kind, language) else DEFAULT_LANGUAGE


def load(kind: str, language: str) -> dict[str, Any]:
    """The parsed ``resources/<kind>/<language>.json``, or the Indonesian one when ``language``
    has none. A fresh object on every call: stages build (and cache) their own typed lexicon
    from it."""
    folder = _folder(kind)
    chosen = source_language(kind, language)
    path = folder.joinpath(f"{chosen}.json")
    if not path.is_file():
        raise ValueError(f"no resources/{kind}/{chosen}.json to read for language {language!r}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"resources/{kind}/{chosen}.json is not a JSON object")
    return data
