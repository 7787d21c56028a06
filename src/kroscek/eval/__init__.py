"""Evaluations: one module per analysis, each with a ``main(path, **options) -> dict``
that prints its figures (with a baseline beside them) and returns them."""
