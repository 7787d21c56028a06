"""Reading stored results back: the fields of a dataclass that a stored dict holds.

The story stage's results are dataclasses with one ``to_dict`` (what the store, ``report.json``,
the web pages and the API hold) and a ``from_dict`` that reads it back; ``Record`` gives both to
those whose JSON form is just their fields. A stored dict may come
from an older brief that lacked a field (the field's default is used) or held one no longer
written (it is left out).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R", bound="Record")


def known_fields(cls: type[T], data: Mapping[str, Any], **nested: Any) -> T:
    """``cls`` built from the keys of ``data`` that name its fields; ``nested`` gives the fields
    read into their own types by the caller."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__}: expected a JSON object, got {type(data).__name__}")
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names and k not in nested}, **nested)


class Record:
    """A dataclass stored as its fields (``dataclasses.asdict``) and read back with ``known_fields``."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
        return known_fields(cls, data)
