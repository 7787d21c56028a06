"""The web server's settings: the store it serves, whether reading needs a token, the upload
limits, and the run ``Settings`` its ingest jobs match and cross-check with."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kroscek.settings import Settings
from kroscek.store import DEFAULT_DB
from kroscek.web.uploads import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES


@dataclass
class ServerSettings:
    db: str = DEFAULT_DB
    read_token_required: bool = False  # reading is open unless this is set
    max_upload_bytes: int = MAX_FILE_BYTES  # a file
    max_request_bytes: int = MAX_TOTAL_BYTES  # all files of one upload
    max_files: int = MAX_FILES
    run: Settings = field(default_factory=Settings)  # how upload and feed jobs match and cross-check

    @classmethod
    def from_env(cls, db: str | None = None) -> ServerSettings:
        """``KROSCEK_DB``, ``KROSCEK_READ_TOKEN_REQUIRED`` and ``KROSCEK_MODE`` (which
        ``kroscek serve --fast`` sets for each server process)."""
        return cls(
            db=db or os.environ.get("KROSCEK_DB", DEFAULT_DB),
            read_token_required=os.environ.get("KROSCEK_READ_TOKEN_REQUIRED", "") in {"1", "true", "yes"},
            run=Settings.from_env(),
        )
