"""The text layer: what every stage may use; nothing in it imports a stage.

``fold`` (the forms words and names are compared in), ``words`` (the word lists and counts that
ship under ``resources/clean``), ``language`` (language detection), ``sentences`` (the sentence
splitter), ``gazetteer`` (language-neutral ids for known names).
"""
