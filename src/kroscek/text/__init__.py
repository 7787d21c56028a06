"""The text layer: what every stage may use; nothing in it imports a stage.

``fold`` (the forms words and names are compared in), ``words`` (the word lists and counts that
ship under ``resources/clean``), ``lexicon`` (the per-language word data of
``resources/<kind>/<language>.json``, with its one fallback: Indonesian), ``language`` (language
detection), ``sentences`` (the sentence splitter), ``tokens`` (a word and its offsets), ``dates``
(page dates), ``names`` (whether two strings are spellings of one name), ``gazetteer``
(language-neutral ids for known names).
"""
