"""The web app's settings: the store it serves, whether reading needs a token, the upload limits."""

from __future__ import annotations

import os
from dataclasses import dataclass

from kroscek.store import DEFAULT_DB
from kroscek.web.uploads import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES


@dataclass
class Settings:
    db: str = DEFAULT_DB
    read_token_required: bool = False  # reading is open unless this is set
    max_upload_bytes: int = MAX_FILE_BYTES  # a file
    max_request_bytes: int = MAX_TOTAL_BYTES  # all files of one upload
    max_files: int = MAX_FILES

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        return cls(
            db=db or os.environ.get("KROSCEK_DB", DEFAULT_DB),
            read_token_required=os.environ.get("KROSCEK_READ_TOKEN_REQUIRED", "") in {"1", "true", "yes"},
        )
