"""Quotes and reported speech, each with its speaker.

The package reads in layers, each module using only those listed before it:

- ``lexicon``: the attribution words of each language (``resources/quotes/<language>.json``);
- ``paragraphs``: paragraphs of joined sentences, tokens, the spans between quotation marks;
- ``names``: whether a name names a person, an organisation or a place (that cannot speak);
- ``attribution``: the verb or "menurut"-like phrase of a quote and how it names its speaker;
- ``spans``: the direct quotes and reported statements of a paragraph with their attributions;
- ``speakers``: speakers resolved to persons in reading order (pronouns, roles, short names);
- ``article``: ``find_quotes``, every quote of one article with its speaker's best name.
"""

from kroscek.analyse.quotes.article import find_quotes
from kroscek.analyse.quotes.lexicon import QuoteLexicon, common_words, lexicon
from kroscek.analyse.quotes.names import can_speak, is_place_name, mention_types, without_titles
from kroscek.analyse.quotes.speakers import SpeakerContext

__all__ = [
    "QuoteLexicon",
    "SpeakerContext",
    "can_speak",
    "common_words",
    "find_quotes",
    "is_place_name",
    "lexicon",
    "mention_types",
    "without_titles",
]
