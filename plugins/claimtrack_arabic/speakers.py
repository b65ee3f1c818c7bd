"""Who is speaking, in Arabic: reading a subject phrase into a role and a
name, the organization inside a role, and the key by which a shortened title
("الأمين العام للمنظمة", "متحدث الخارجية الإيرانية") is matched to the full
one. Resolution within a document is claimtrack's
:class:`claimtrack.SpeakerRegistry`, given :func:`role_key` and
:func:`organization_of`.
"""

from __future__ import annotations

import functools
import re

from claimtrack import SpeakerRef, fold_chars, normalize
from claimtrack_arabic import lexicon

_PREFIXES = ("وال", "بال", "لل", "فال", "كال", "ال")
_SINGLE_PREFIX = ("ل", "ب", "و")
_STOPWORDS = {w[:-1] if len(w) > 3 and w.endswith("ه") else w for w in lexicon.ROLE_STOPWORDS}
_SYNONYMS = {k: v for k, v in lexicon.ROLE_SYNONYMS.items()} | {
    k[:-1]: v for k, v in lexicon.ROLE_SYNONYMS.items() if k.endswith("ه")
}
_TOKEN = re.compile(r"[^\s،,؛;:.!?\"“”«»″()\[\]]+")


def strip_article(word: str) -> str:
    """ "الخارجية" → "خارجية", "لمنظمة" → "منظمة" (on folded text)."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    if word[:1] in _SINGLE_PREFIX and len(word) > 3 and word[1:] in lexicon.CONSTRUCT_HEADS:
        return word[1:]
    return word


def has_article(word: str) -> bool:
    return any(word.startswith(p) and len(word) - len(p) >= 2 for p in _PREFIXES)


def _stem(word: str) -> str:
    """Drop the feminine ending so "المتحدثة" and "متحدث" compare equal."""
    word = strip_article(word)
    return word[:-1] if len(word) > 3 and word.endswith("ه") else word


def parse_subject(tokens: list[str]) -> SpeakerRef:
    """See :func:`_parse_subject`; cached, since news copy repeats its
    subjects."""
    name, role, institution, anonymous, split = _parse_subject(tuple(tokens))
    return SpeakerRef(name, role, institution, anonymous, split)


@functools.lru_cache(maxsize=8192)
def _parse_subject(tokens: tuple[str, ...]) -> tuple[str | None, str | None, bool, bool, int]:
    """Split a subject phrase (as tokens in original spelling) into a role and
    a name.

    The role is a run of titles, institutions, definite words and idafa
    complements; the name starts at the first word that is none of these
    (and does not follow a construct head). "الرئيس السوري بشار الأسد" →
    role "الرئيس السوري", name "بشار الأسد"; "زاس" → name only; "متحدث
    الخارجية الإيرانية" → role only.
    """
    tokens = tuple(t for t in tokens if t)
    if not tokens:
        return None, None, False, False, 0
    folded = [fold_chars(t) for t in tokens]
    first = strip_article(folded[0])
    if first in lexicon.ANONYMOUS or _stem(folded[0]) in lexicon.ANONYMOUS:
        return " ".join(tokens), None, False, True, 0
    # "ال" is the article only as written: "ألكسندر" folds to "الكسندر".
    definite = [has_article(t) for t in tokens]
    name_start = len(tokens)
    for i, word in enumerate(folded):
        bare = strip_article(word)
        if definite[i] or bare in lexicon.CONSTRUCT_HEADS or _stem(word) in lexicon.TITLES:
            continue
        if word in lexicon.CONNECTORS:
            continue
        previous = folded[i - 1] if i else ""
        if i and (
            previous in lexicon.CONNECTORS
            or (
                not definite[i - 1]
                and (strip_article(previous) in lexicon.CONSTRUCT_HEADS or _stem(previous) in lexicon.TITLES)
            )
        ):
            continue  # idafa after an indefinite head ("منظمة معاهدة ..."), or "في غزة"
        name_start = i
        break
    role_tokens, name_tokens = tokens[:name_start], tokens[name_start:]
    role = " ".join(role_tokens) or None
    name = " ".join(name_tokens) or None
    institution = False
    if role and not name:
        head = strip_article(folded[0])
        institution = head in lexicon.INSTITUTIONS and _stem(folded[0]) not in lexicon.TITLES
    return name, role, institution, False, name_start


def role_key(role: str) -> tuple[str, frozenset[str]]:
    """A role's head word and its content words, for comparing "متحدث
    الخارجية الإيرانية" with "المتحدث باسم وزارة الخارجية الإيرانية"."""
    words = [_stem(t) for t in normalize(role).split()]
    words = [_SYNONYMS.get(w, w) for w in words if w and w not in _STOPWORDS]
    if not words:
        return "", frozenset()
    return words[0], frozenset(words)


def organization_of(role: str | None) -> str | None:
    """The organization inside a role: "المتحدث باسم وزارة الخارجية
    الإيرانية" → "وزارة الخارجية الإيرانية"; "الأمين العام لمنظمة معاهدة
    الأمن الجماعي" → "منظمة معاهدة الأمن الجماعي"."""
    if not role:
        return None
    tokens = role.split()
    for i, token in enumerate(tokens):
        folded = fold_chars(token)
        if i == 0:
            continue
        if folded in lexicon.CONNECTORS and i + 1 < len(tokens):
            return " ".join(tokens[i + 1 :])
        bare = strip_article(folded)
        if bare in lexicon.INSTITUTIONS:
            first = token
            if folded.startswith("لل"):
                first = "ال" + token[2:]
            elif folded.startswith("ل") and not folded.startswith("ال"):
                first = token[1:]
            return " ".join([first, *tokens[i + 1 :]])
    return None
