"""Access tokens: only their hashes are stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass

from sqlalchemy import select

from kroscek.store.base import StoreBase, utc_now
from kroscek.store.tables import tokens_table


@dataclass(frozen=True)
class AccessToken:
    """An access token as listed: an id (the start of its hash), its name and when it was made."""

    id: str
    name: str
    created_at: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


class TokenStore(StoreBase):
    """Access tokens for writing (and reading, under --read-token)."""

    def add_token(self, name: str) -> str:
        """Create an access token; only its hash is stored, the token is returned once."""
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as c:
            c.execute(tokens_table.insert().values(hash=_token_hash(token), name=name, created_at=utc_now()))
        return token

    def tokens(self) -> list[AccessToken]:
        """The tokens, oldest first: their name, creation time and an id (the start of their hash)."""
        with self.engine.connect() as c:
            rows = c.execute(select(tokens_table).order_by(tokens_table.c.created_at, tokens_table.c.hash))
            return [AccessToken(id=r.hash[:12], name=r.name, created_at=r.created_at) for r in rows]

    def revoke_tokens(self, name_or_id: str) -> int:
        """Remove the tokens with this name or whose id (hash prefix, 6+ characters) this is; how many."""
        with self.engine.begin() as c:
            doomed = [r.hash for r in c.execute(select(tokens_table.c.hash, tokens_table.c.name))
                      if r.name == name_or_id or (len(name_or_id) >= 6 and r.hash.startswith(name_or_id.lower()))]
            for hash_ in doomed:
                c.execute(tokens_table.delete().where(tokens_table.c.hash == hash_))
        return len(doomed)

    def check_token(self, token: str | None) -> bool:
        if not token:
            return False
        with self.engine.connect() as c:
            found = c.execute(select(tokens_table.c.name).where(tokens_table.c.hash == _token_hash(token))).first()
        return found is not None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
