"""The modules of ``kroscek.analyse.quotes`` read in layers: each imports only those before it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kroscek" / "analyse" / "quotes"
PACKAGE_NAME = "kroscek.analyse.quotes"
PREFIX = PACKAGE_NAME + "."

# the order the package's docstring gives: words, text, kinds of names, attributions, spans, speakers, the article
ORDER = ("lexicon", "paragraphs", "names", "attribution", "spans", "speakers", "article")


def package_imports(path: Path) -> set[str]:
    """The modules of this package a file imports (absolute or relative, at any depth)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(alias.name for alias in node.names)
            elif (node.module or "").startswith(PREFIX):
                found.add(node.module[len(PREFIX) :].split(".")[0])
            elif node.module == PACKAGE_NAME:  # "from kroscek.analyse.quotes import speakers" or a name of its __init__
                found.update(alias.name if alias.name in ORDER else ORDER[-1] for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name[len(PREFIX) :].split(".")[0] for a in node.names if a.name.startswith(PREFIX))
            if any(a.name == PACKAGE_NAME for a in node.names):
                found.add(ORDER[-1])  # the package's __init__ imports the article, and with it every module
    return found


def test_every_module_has_a_place_in_the_order() -> None:
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == set(ORDER), "place a new module in ORDER (and the package docstring)"


def test_each_module_imports_only_the_modules_before_it() -> None:
    backward = [
        f"{module} imports {imported}"
        for module in ORDER
        for imported in sorted(package_imports(PACKAGE / f"{module}.py"))
        if imported not in ORDER[: ORDER.index(module)]
    ]
    assert not backward, "imports of a module at or after the importer's own place:\n" + "\n".join(backward)


def test_imports_are_read_absolute_and_relative(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text(
        "from kroscek.analyse.quotes.spans import Found\nfrom .names import can_speak\nfrom . import lexicon\n"
        "def f():\n    import kroscek.analyse.quotes.article\n"
    )
    assert package_imports(source) == {"spans", "names", "lexicon", "article"}


def test_imports_of_the_package_itself_are_read(tmp_path: Path) -> None:
    """A module importing from the package's __init__ imports the article and all before it."""
    source = tmp_path / "x.py"
    source.write_text("from kroscek.analyse.quotes import speakers\n")
    assert package_imports(source) == {"speakers"}
    source.write_text("from kroscek.analyse.quotes import find_quotes\n")
    assert package_imports(source) == {"article"}
    source.write_text("import kroscek.analyse.quotes\n")
    assert package_imports(source) == {"article"}
