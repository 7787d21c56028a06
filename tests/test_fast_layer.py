"""The fast layer (``make test-fast``): a test that loads a model unmarked fails there, naming the
model; a marked one is left out. Run in a pytest of its own, with this suite's conftest."""

from __future__ import annotations

from pathlib import Path

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py")


def test_a_test_loading_a_model_fails_the_fast_run_unless_marked(pytester):
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_tagging='''
        import pytest

        from kroscek.analyse import entities


        def test_cleaning_only():
            assert "kroscek".upper() == "KROSCEK"


        def test_tags_unmarked():
            assert entities._crf() is not None


        @pytest.mark.model
        def test_tags_marked():
            assert entities._crf() is not None
    ''')
    fast = pytester.runpytest_subprocess("-m", "not model", "-p", "no:cacheprovider")
    fast.assert_outcomes(passed=2, errors=1, deselected=1)  # the marked one left out, the unmarked one caught
    fast.stdout.fnmatch_lines(["*ERROR at teardown of test_tags_unmarked*", "*loads the NER CRF but is not marked model*"])
