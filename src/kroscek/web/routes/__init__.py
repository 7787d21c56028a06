"""The web app's routes, one module a resource: its JSON API (``/api/v1/...``) beside its pages.

``stories``, ``articles``, ``entities``, ``search``, ``ingest`` (uploads and their jobs, the
ingest page), ``feeds``, ``check``, ``outlets``, and ``docs`` (the OpenAPI document, Swagger UI,
ReDoc) and ``static`` (the app's files). What they share (the store, the token guards, a page of
a list, the reader's language, the page renderer) is in ``kroscek.web.deps``.
"""
