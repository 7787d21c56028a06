"""The import layers of ``src/kroscek``: no module imports a stage above its own.

The layers follow the data: the text layer (word lists, tokens, names, the gazetteer, URLs,
outlets, the dataclasses) at the bottom, then ingest, clean, analyse, the per-article pipeline,
match, compare, brief, report, and the store, engines and front ends on top. ``ALLOWED`` lists
today's exceptions with the reason each still stands; a new backward import fails this test,
and so does an entry that no longer happens (take it out).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kroscek"

# (module prefix, layer); the longest prefix that matches a module names its layer.
LAYERS: tuple[tuple[str, int], ...] = (
    ("kroscek", 0),  # the package itself (__version__); a new top-level module needs its own entry
    ("kroscek.text", 0),  # word lists, tokens, folding, names, the gazetteer
    ("kroscek.model", 0),  # the dataclasses every stage passes on
    ("kroscek.urls", 0),
    ("kroscek.outlets", 0),
    ("kroscek.i18n", 0),
    ("kroscek.progress", 0),
    ("kroscek.settings", 0),  # the mode and thresholds a run matches and cross-checks with
    ("kroscek.ingest", 1),  # files, feeds, WARC -> Document
    ("kroscek.factchecks", 1),  # fact-check files -> FactCheck
    ("kroscek.clean", 2),  # Document -> headline, paragraphs, removed noise, damage
    ("kroscek.analyse", 3),  # language, sentences, dates, entities, quotes, embeddings
    ("kroscek.pipeline", 4),  # Document -> Article through clean and analyse
    ("kroscek.match", 5),  # entities resolved, articles grouped into stories
    ("kroscek.compare", 6),  # the story stage: claims aligned, disputes, provenance, quotes, the cited brief
    ("kroscek.check", 7),  # one claim checked against the coverage and fact-checks
    ("kroscek.report", 8),  # report.json and the HTML pages made from it
    ("kroscek.store", 9),  # SQLite / PostgreSQL
    ("kroscek.engine", 10),  # runs the stages over a store (here or on Ray)
    ("kroscek.signals", 9),  # outlet figures counted over the store's stories
    ("kroscek.web", 11),  # front ends and tools
    ("kroscek.cli", 11),
    ("kroscek.api", 11),  # the Python API (kroscek.analyse, kroscek.run)
    ("kroscek.eval", 11),
    ("kroscek.train", 11),
)

# importer -> imported module: why it is still there.
ALLOWED: dict[tuple[str, str], str] = {
    ("kroscek", "kroscek.api"): "the package's analyse and run load the Python API on their first call",
}


# importer -> (module, private name) it imports: why it is still there.
PRIVATE_ALLOWED: dict[tuple[str, str, str], str] = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    matches = [(len(prefix), rank) for prefix, rank in LAYERS
               if module == prefix or (prefix != "kroscek" and module.startswith(prefix + "."))]
    if not matches:
        raise AssertionError(f"{module} has no layer: add it to LAYERS in tests/test_layers.py")
    return max(matches)[1]


def imported_modules(path: Path) -> set[str]:
    """Every ``kroscek`` module a file imports, at the top or inside a function.

    ``from kroscek.x import y`` counts as ``kroscek.x.y`` when ``y`` is a module, else ``kroscek.x``."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "kroscek")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != "kroscek":
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if _is_module(submodule) else source)
    return found


def _is_module(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def backward_imports() -> set[tuple[str, str]]:
    """(importer, imported) for every import of a layer above the importer's own."""
    return {
        (module_name(path), imported)
        for path in modules()
        for imported in imported_modules(path)
        if layer(imported) > layer(module_name(path))
    }


def test_every_module_has_a_layer() -> None:
    for path in modules():
        layer(module_name(path))


def test_no_module_imports_a_stage_above_its_own() -> None:
    new = sorted(backward_imports() - set(ALLOWED))
    assert not new, "imports of a stage above the importer's own (move the shared code down a layer):\n" + "\n".join(
        f"  {importer} imports {imported}" for importer, imported in new
    )


def test_every_allowed_exception_still_happens() -> None:
    gone = sorted(set(ALLOWED) - backward_imports())
    assert not gone, "no longer imported, take out of ALLOWED: " + ", ".join(f"{a} -> {b}" for a, b in gone)


def private_imports() -> set[tuple[str, str, str]]:
    """(importer, module, name) for every ``from kroscek.x import _name`` (dunders aside)."""
    found = set()
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] == "kroscek":
                found.update((module_name(path), node.module, alias.name) for alias in node.names
                             if alias.name.startswith("_") and not alias.name.endswith("__"))
    return found


def test_no_module_imports_another_modules_private_name() -> None:
    new = sorted(private_imports() - set(PRIVATE_ALLOWED))
    assert not new, "private names imported from another module (make them public or move them):\n" + "\n".join(
        f"  {importer} imports {module}.{name}" for importer, module, name in new
    )
    gone = sorted(set(PRIVATE_ALLOWED) - private_imports())
    assert not gone, "no longer imported, take out of PRIVATE_ALLOWED: " + ", ".join(map(str, gone))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from kroscek.model import Article\n", {"kroscek.model"}),
        ("from kroscek.analyse import dates\n", {"kroscek.analyse.dates"}),
        ("def f():\n    from kroscek.store import Store\n", {"kroscek.store"}),
        ("import kroscek.clean\nimport json\n", {"kroscek.clean"}),
        ("from .html import render_story\n", {"kroscek.report.html"}),
        ("from ..model import Story\n", {"kroscek.model"}),
    ],
)
def test_imports_are_read_at_any_depth_and_relative(tmp_path: Path, source: str, expected: set[str], monkeypatch) -> None:
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "kroscek")
    folder = tmp_path / "kroscek" / "report"
    folder.mkdir(parents=True)
    for name in ("model.py", "clean.py", "report/html.py", "analyse/dates.py", "store/__init__.py"):
        (tmp_path / "kroscek" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "kroscek" / name).write_text("")
    (folder / "__init__.py").write_text(source)
    assert imported_modules(folder / "__init__.py") == expected
