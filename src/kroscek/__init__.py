"""kroscek: self-hosted news cross-checking.

The Python API (see the README's "Python API")::

    import kroscek
    article = kroscek.analyse("…article text…", outlet="Kontan", published="2022-08-17")
    report = kroscek.run(["articles/", {"text": "…", "outlet": "…"}], db="kroscek.db")

``import kroscek`` stays light: ``analyse`` and ``run`` load the pipeline (and its models) on the
first call, from ``kroscek.api``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "InputRejected", "Report", "StoryReport", "__version__", "analyse", "run"]

if TYPE_CHECKING:  # for type checkers and editors; at run time they come from __getattr__
    from kroscek.api import InputRejected, Report, StoryReport
    from kroscek.model import Article


def analyse(item: str | Path | Mapping[str, Any], *, title: str | None = None, url: str | None = None,
            outlet: str | None = None, published: str | None = None, language: str | None = None, fast: bool = False) -> Article:
    """One article, cleaned and analysed: ``item`` is article text, a file path or a record; the
    keywords fill what it does not say; ``fast`` without e5 (see ``kroscek.api.analyse``)."""
    from kroscek import api

    return api.analyse(item, title=title, url=url, outlet=outlet, published=published, language=language, fast=fast)


def run(inputs: str | Path | Mapping[str, Any] | Iterable[str | Path | Mapping[str, Any]], db: str | Path | None = None, *,
        fast: bool = False, columns: Mapping[str, str] | None = None, encoding: str | None = None) -> Report:
    """Files, folders, texts or records grouped into stories and cross-checked, in the store ``db``
    (a temporary one without it); see ``kroscek.api.run``."""
    from kroscek import api

    return api.run(inputs, db, fast=fast, columns=columns, encoding=encoding)


def __getattr__(name: str) -> Any:
    """The types ``analyse`` and ``run`` return, imported when first used."""
    if name in ("Report", "StoryReport", "InputRejected"):
        from kroscek import api

        return getattr(api, name)
    if name == "Article":
        from kroscek.model import Article

        return Article
    raise AttributeError(f"module 'kroscek' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """The package keeps ``analyse`` the function: importing the analysis stage (the subpackage
    ``kroscek.analyse``) does not replace it, and the function hands on the subpackage's modules,
    so ``import kroscek.analyse.entities as entities`` works as well."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "analyse" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


class _Analyse:
    """``kroscek.analyse``: called, it analyses one article (``analyse`` above); its attributes are
    the analysis stage's modules, so ``import kroscek.analyse.entities as entities`` works too."""

    def __init__(self, function: Any) -> None:
        functools.update_wrapper(self, function)

    def __call__(self, *args: Any, **kwargs: Any) -> Article:
        return self.__wrapped__(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        import importlib

        return getattr(importlib.import_module("kroscek.analyse"), name)


analyse = _Analyse(analyse)  # type: ignore[assignment]
sys.modules[__name__].__class__ = _Package
