"""kroscek: self-hosted news cross-checking."""

__version__ = "0.1.0"
