"""/docs and /redoc load Swagger UI and ReDoc from the app itself, under a CSP that allows nothing else."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app


def test_docs_pages_use_the_apps_own_files(tmp_path):
    with TestClient(create_app(ServerSettings(db=str(Store(tmp_path / "d.db").url)))) as client:
        for path, assets in (("/docs", ["/static/swagger-ui-bundle.js", "/static/swagger-ui.css", "/static/docs.js"]),
                             ("/redoc", ["/static/redoc.standalone.js", "/static/redoc.js"])):
            response = client.get(path)
            assert response.status_code == 200
            sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
            assert all(source.startswith("/static/") for source in sources), sources
            for asset in assets:
                assert asset in sources and client.get(asset).status_code == 200
            csp = response.headers["content-security-policy"]
            assert re.search(r"script-src ([^;]*)", csp).group(1) == "'self'"
            assert "http" not in csp and "frame-ancestors 'none'" in csp
        assert client.get("/static/swagger-ui-bundle.js").headers["content-type"].startswith(("text/javascript",
                                                                                               "application/javascript"))
