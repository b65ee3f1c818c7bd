"""Who said what: attribution in English news copy.

One pass pairs the quotation marks of each paragraph (a quotation left open
at a paragraph's end continues when the next paragraph opens with a mark, the
agency convention) and splits sentences (not at "Mr." or "Jan." or inside a
quotation). Then, sentence by sentence:

* a quotation with its attribution after it ('"…," Zas said', '"…," said the
  ministry') or before it ('Zas told TASS: "…"'): a direct claim; a quotation
  opening the next sentence of the same speaker's paragraph continues it;
* "SPEAKER said [adjuncts] [that] CLAUSE": an indirect claim (a partial
  quotation inside the clause stays part of it);
* "CLAUSE, SPEAKER said." and "CLAUSE, said SPEAKER.": an indirect claim;
* "According to X, CLAUSE" and "CLAUSE, according to X";
* ", adding that CLAUSE": a further claim by the same speaker;
* a sentence with no attribution that carries a figure or a date: the
  outlet's own reported claim.

Subjects ("CSTO Secretary General Stanislav Zas", "Dmitry Peskov, the Kremlin
spokesman,", "he", "the ministry") go through
:class:`claimtrack.SpeakerRegistry`. Every search is bounded and moves
forward, so extraction is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimtrack import (
    Claim,
    DateMention,
    Document,
    Figure,
    SortedSpans,
    SpeakerRef,
    SpeakerRegistry,
    attribution_confidence,
    find_words,
    normalize,
    within,
)
from claimtrack_english import lexicon

_OPEN_CLOSE = {"“": "”", "«": "»"}
_MARKS = re.compile('[“”«»"\n]')
_MAX_QUOTE = 3000
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’)]|$)|\n")
_TOKEN = re.compile(r"[A-Za-z0-9][\w\-.'’]*|'s|’s")
_TRAIL = " \t\n,;:—–-"
_NP_WORD = re.compile(r"[\w\-.'’]+|,")
_APPOSITIVE_NAME = re.compile(
    r"\s*,\s*((?:[A-Z][\w\-.'’]*|al-\w+|bin)(?:\s+(?:[A-Z][\w\-.'’]*|al-\w+|bin)){0,3})(?=\s*[.,]|$)"
)
_THAT_AHEAD = re.compile(r"(?:\s+[\w\-'’]+){1,6}?(?P<that>\s+that\b)")
_RELATIVE_TAIL = re.compile(r",\s*(?:who|which|whose)\b[^,]{0,160}$")


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)


def _looks_like_role(segment: str) -> bool:
    """ "the Kremlin spokesman", "head of the emergency department at a
    hospital in Mina", "a pediatrician at a children's hospital": an
    appositive that gives a role."""
    words = segment.split()
    if not words or len(words) > 14:
        return False
    if words[0].lower() in ("a", "an", "the"):
        return len(words) > 1
    return words[0].lower().strip(".") in lexicon.TITLES or any(
        w.lower() in lexicon.TITLES for w in words[:4]
    )


#: Adverbs and auxiliaries between a subject and its verb ("Lavrov also said").
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    {"also", "later", "further", "then", "again", "previously", "repeatedly", "separately"}
    | {"has", "had", "have", "would", "will"}
)


@dataclass
class Quote:
    open: int
    close: int  # position of the closing mark (or of the paragraph end)
    continues: bool = False  # left open at a paragraph's end

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph. An opening mark still
    open at the end of a paragraph is a quotation running to that end only
    when the next paragraph opens with a quotation mark."""
    quotes: list[Quote] = []
    opened: int | None = None
    kind = ""
    for match in _MARKS.finditer(text):
        char, pos = match.group(), match.start()
        if char == "\n":
            if opened is not None:
                rest = text[pos + 1 : pos + 4].lstrip()
                if rest[:1] in ("“", '"', "«") and pos - opened > 1:
                    quotes.append(Quote(opened, pos, continues=True))
            opened = None
            continue
        if opened is None:
            if char in ("”", "»"):
                continue  # a closing mark with nothing open
            opened, kind = pos, char
            continue
        closes = (
            char == '"'
            if kind == '"'
            else char == _OPEN_CLOSE.get(kind, "”")
            or (kind == "“" and char == "“" and text[pos - 1 : pos] not in (" ", "\n"))
        )
        if closes:
            if 1 < pos - opened <= _MAX_QUOTE:
                quotes.append(Quote(opened, pos))
            opened = None
    return quotes  # a quotation still open at the very end opens nothing


def find_sentences(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentence spans. A full stop after an abbreviation or an initial, a
    decimal point, or a terminator inside a quotation does not end one."""
    spans: list[tuple[int, int]] = []
    starts = [q.open for q in quotes]
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pos = match.start()
        char = match.group()
        if char != "\n":
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and quotes[i].open < pos < quotes[i].close:
                continue
            if char == ".":
                word = re.search(r"([\w.]+)$", text[max(start, pos - 12) : pos])
                token = word.group(1).lower() if word else ""
                if token in lexicon.ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
            end = pos + 1
            # keep a closing quotation mark with its sentence
            while end < len(text) and text[end] in '”"’)':
                end += 1
        else:
            end = pos
        if end > start and text[start:end].strip():
            spans.append((start, end))
        start = end if char != "\n" else pos + 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [piece for span in spans for piece in _bounded(text, *span)]


#: The longest sentence read as one: work per quotation and verb grows with
#: the sentence, so text with no full stops (hostile, or a table) would take
#: quadratic time. Far above any sentence of the corpora.
_MAX_SENTENCE = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut, at spaces where it can be, into pieces of at
    most :data:`_MAX_SENTENCE` characters."""
    pieces = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        cut = cut if cut > start else start + _MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    ref: SpeakerRef | None
    cue: str
    recipient: str | None = None
    continues: bool = False  # a pronoun, a participle: the last speaker


def role_key(role: str) -> tuple[str, frozenset[str]]:
    """Head noun (the last title word) and content words of a role:
    "Iran's Foreign Ministry spokesman" and "the spokesman" share "spokesman"."""
    words = [
        lexicon.ROLE_SYNONYMS.get(w, w)
        for w in normalize(role.replace("'s", "").replace("’s", "")).split()
        if w not in lexicon.CONNECTORS and w not in ("a", "an")
    ]
    if not words:
        return "", frozenset()
    return words[-1], frozenset(words)


def organization_of(role: str | None) -> str | None:
    """ "UN spokesman" → "UN"; "spokesman for the United Nations" → "United
    Nations"; "CSTO Secretary General" → "CSTO"."""
    if not role:
        return None
    m = re.search(
        r"\b(?:of|for|at)\s+(?:the\s+)?(?P<org>[A-Z][\w\-.'’]*(?:\s+(?:of\s+)?[A-Z][\w\-.'’]*)*)$", role
    )
    if m:
        return m.group("org")
    words = role.split()
    org = []
    for word in words:
        bare = word.rstrip("'’s") if word.endswith(("'s", "’s")) else word
        if bare.lower() in lexicon.TITLES:
            break
        if bare[:1].isupper() or bare.isupper():
            org.append(word)
    return " ".join(org) or None


def _is_name_word(word: str) -> bool:
    bare = word.lower().strip(".")
    if lexicon.NAME_PARTICLE_RE.match(word):
        return True  # "al-Marwani", "bin"
    return (
        word[:1].isupper()
        and not (word.isupper() and len(word) > 1 and "." not in word)  # CSTO, UN
        and bare not in lexicon.TITLES
        and bare not in lexicon.INSTITUTIONS
        and bare not in lexicon.NP_STOP
        and not word.endswith(("'s", "’s", "s'", "s’"))  # "England's", "Affairs'"
    )


def _subject_word(token: str) -> bool:
    """Can ``token`` be part of a subject phrase?"""
    lower = token.lower()
    if lower in lexicon.NP_STOP:
        return False
    return bool(
        token[:1].isupper()
        or token[:1].isdigit()
        or lexicon.NAME_PARTICLE_RE.match(token)
        or lower.strip(".") in lexicon.TITLES
        or lower in lexicon.INSTITUTIONS
        or lower in lexicon.CONNECTORS
        or lower in lexicon.PRONOUNS
        or lower in ("a", "an", "the")
    )


#: Title words that also name what a ministry is for: "the Ministry of
#: Foreign Affairs" and "the Ministry of Health" are institutions, where
#: "Bank of England Governor Andrew Bailey" has a title before a name.
PORTFOLIOS = frozenset({"foreign", "health", "interior", "defence", "defense", "finance", "economy"})
#: How many lower-case words may stand between "the" and an institution
#: noun: "the national statistics office", "the civil defence authority".
INSTITUTION_MODIFIERS = 3


def _institution_modifiers(tokens: list[str], phrase: list[str]) -> list[str]:
    """The lower-case words before an institution noun back to "the", with
    "the": "the fire service" said, where only "service" is a subject word.
    ``tokens`` end with the first word that is not one; ``phrase`` is what
    was read after it. Empty unless ``phrase`` is lower-case words ending
    with an institution noun ("defence authority") and "the" comes within
    :data:`INSTITUTION_MODIFIERS` words."""
    if (
        not phrase
        or phrase[-1].lower() not in lexicon.INSTITUTIONS
        or not all(w.isalpha() and w.islower() for w in phrase)
        or phrase[0] in ("the", "a", "an")  # "after the strike the union said": "the union" is whole
    ):
        return []
    for back in range(1, INSTITUTION_MODIFIERS + 2):
        if back > len(tokens):
            return []
        word = tokens[-back]
        if word.lower() == "the":
            return tokens[-back:]
        if not word.isalpha() or not word.islower() or word in lexicon.NP_STOP:
            return []
    return []


def parse_subject(words: list[str], source: bool = False) -> SpeakerRef | None:
    """A subject phrase as role and name: "CSTO Secretary General Stanislav
    Zas" → role "CSTO Secretary General", name "Stanislav Zas". With
    ``source`` (after "according to"), any noun phrase is accepted, as an
    institution when it names no person."""
    words = [w if w.lower() in lexicon.ABBREVIATIONS else w.rstrip(".,;:") for w in words]
    words = [w for w in words if w and w != ","]
    while words and words[0].lower() in ("the", "a", "an", "and", "but", "also"):
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in lexicon.PRONOUNS:
        return SpeakerRef()  # continues the last speaker
    if (
        "and" in words
        and all(w[:1].isupper() or w in ("and", "the") for w in words)
        and not any(w.lower() in lexicon.TITLES for w in words)
    ):
        return SpeakerRef(name=" ".join(words), institution=True)  # "Saudi Arabia and the United States"
    if (
        len(words) >= 3
        and words[0].lower() in lexicon.INSTITUTIONS
        and words[1].lower() in ("of", "for")
        and all(w[:1].isupper() or w.lower() in ("and", "the", "of") for w in words[2:])
        # "the Bank of England's Andrew Bailey", "the Ministry of Foreign Affairs' Maria Zakharova"
        and not any(w.endswith(("'s", "’s", "s'", "s’")) for w in words)
        and not any(w.lower().strip(".") in lexicon.TITLES - PORTFOLIOS for w in words)
    ):
        # "the Ministry of Transport", "the Bank of England": an institution
        # named after what it is for, not a title before a name.
        return SpeakerRef(role=" ".join(words), institution=True)
    split = len(words)
    while split > 0 and (_is_name_word(words[split - 1]) or words[split - 1].lower() in lexicon.HONORIFICS):
        split -= 1
    head = words[-1].lower()
    if split == len(words):  # no name: a role, an institution, or a source
        role = " ".join(words)
        if head in lexicon.ANONYMOUS:
            return SpeakerRef(name=role, anonymous=True)
        if head in lexicon.INSTITUTIONS or (
            words[-1].isupper() and not any(w.lower() in lexicon.TITLES for w in words)
        ):
            return SpeakerRef(role=role, institution=True)
        if not any(w.lower().strip(".") in lexicon.TITLES for w in words):
            return SpeakerRef(role=role, institution=True) if source else None
        return SpeakerRef(role=role)
    while split < len(words) - 1 and words[split].lower() in lexicon.HONORIFICS:
        split += 1  # "Mr Haddadin", "Dr. Reem Al-Qahtani"
    if words[split].lower() in lexicon.HONORIFICS:
        return None
    name = " ".join(words[split:])
    role = " ".join(w for w in words[:split] if w.lower() not in lexicon.HONORIFICS) or None
    return SpeakerRef(name=name, role=role, split=split)


class EnglishExtractor:
    """Extract the claims of one English document."""

    def __init__(self, document: Document, figures: list[Figure], dates: list[DateMention]):
        self.document = document
        self.text = document.text
        self.figures = SortedSpans(figures)
        self.dates = SortedSpans(dates)
        self.quotes = find_quotes(self.text)
        self._quote_opens = [q.open for q in self.quotes]
        self.registry = SpeakerRegistry(role_key, organization_of)
        # Reporting verbs, found once for the whole text: where a word that
        # can start one stands, then the pattern confirms (a 200-way
        # alternation tried at every position is slow).
        self._verb_list = [
            m
            for start, _word in find_words(self.text, lexicon.VERB_STARTS, "[A-Za-z]", str.lower)
            if (m := lexicon.VERB_RE.match(self.text, start))
        ]
        self._verb_starts = [m.start() for m in self._verb_list]
        self.previous_direct: tuple[int, object] | None = None  # (paragraph start, speaker)

    # -- helpers -------------------------------------------------------------
    def _quotes_in(self, s: int, e: int) -> list[Quote]:
        i = bisect.bisect_left(self._quote_opens, s)
        j = bisect.bisect_left(self._quote_opens, e)
        return self.quotes[i:j]

    def _verbs(self, start: int, end: int) -> list[re.Match[str]]:
        """The reporting verbs that start in ``[start, end)``."""
        i = bisect.bisect_left(self._verb_starts, start)
        j = bisect.bisect_left(self._verb_starts, end, i)
        return [m for m in self._verb_list[i:j] if m.end() <= end]

    def _inside_quote(self, position: int) -> bool:
        i = bisect.bisect_right(self._quote_opens, position) - 1
        return i >= 0 and self.quotes[i].open < position < self.quotes[i].close

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in _TRAIL + '.?!”"':
            start += 1
        while end > start and self.text[end - 1] in _TRAIL + ".?!":
            end -= 1
        return start, end

    def _paragraph_start(self, position: int) -> int:
        return self.text.rfind("\n", 0, position) + 1

    def _subject_before(self, clause_start: int, position: int) -> SpeakerRef | None:
        """The subject phrase ending right before ``position`` (a verb), with
        an appositive ("Dmitry Peskov, the Kremlin spokesman,", "The head of
        the mission, Ana Correia,") and past a relative clause ("Santini, who
        joined in June, told")."""
        zone = self.text[max(clause_start, position - 200) : position].rstrip(" \t,")
        zone = _RELATIVE_TAIL.sub("", zone).rstrip(" \t,")
        source = lexicon.SOURCE_PHRASE_RE.search(zone)
        if source and (source.start("who") == 0 or zone[source.start("who") - 1] in " ,\n"):
            # "a source familiar with the negotiations", "two officials who spoke…"
            who = source.group(0).strip(" ,")
            who = re.sub(r",?\s+who\b.*$", "", who, flags=re.I | re.S)
            who = re.sub(r"^(?:a|an|one|two|three|several|some)\s+", "", who, flags=re.I)
            if not any(w[:1].isupper() for w in who.split()[1:2]) or "familiar" in who:
                return SpeakerRef(name=who, anonymous=True)
        segments = [seg.strip() for seg in zone.split(",")]
        previous = self._noun_phrase(segments[-2]) if len(segments) >= 2 else None
        before = parse_subject(previous) if previous else None
        last = self._noun_phrase(segments[-1])
        ref = parse_subject(last) if last else None
        whole_segment = last is not None and len(last) == len(_NP_WORD.findall(segments[-1]))
        # "…, Climate Minister Murat Kurum": a title and a name make a subject
        # of their own, not an appositive to what comes before the comma.
        own_name = whole_segment and ref is not None and ref.name and ref.role
        name_first = before is not None and before.name and not before.role
        if name_first and not own_name and _looks_like_role(segments[-1]):
            # "NAME, head of the emergency department at a hospital in Mina,"
            return SpeakerRef(name=before.name, role=_strip_article(segments[-1]))
        if last is None:
            return None
        role_first = before is not None and before.role and not before.name
        if whole_segment and role_first and ref is not None and ref.name and not ref.role:
            return SpeakerRef(name=ref.name, role=before.role)  # "ROLE, NAME,"
        return ref

    def _noun_phrase(self, segment: str) -> list[str] | None:
        """The words at the end of ``segment`` that can form a subject."""
        tokens = _NP_WORD.findall(segment)
        while tokens and tokens[-1].lower() in _BETWEEN_SUBJECT_AND_VERB:
            tokens.pop()  # "Lavrov also said", "the ministry has said"
        phrase: list[str] = []
        for index in range(len(tokens) - 1, -1, -1):
            token = tokens[index]
            if not _subject_word(token):
                modifiers = _institution_modifiers(tokens[: index + 1], phrase)
                if not modifiers:
                    break
                phrase[:0] = modifiers
                break
            phrase.insert(0, token)
            if len(phrase) > 12:
                return None
        while phrase and phrase[0].lower() in lexicon.CONNECTORS - {"the"}:
            phrase.pop(0)  # "of", "and" left at the start
        return phrase or None

    def _subject_after(self, position: int, end: int) -> tuple[SpeakerRef | None, int]:
        """The subject right after an inverted verb ("said Zas", "said the
        ministry's spokesman") and where it ends."""
        m = re.match(
            r"\s+((?:the\s+|a\s+)?[\w\-.'’]+(?:\s+(?:of\s+|for\s+|the\s+)?[\w\-.'’]+){0,7})",
            self.text[position:end],
        )
        if not m:
            return None, position
        words = m.group(1).split()
        # "said the fire service": lower-case words between "the" and an
        # institution noun belong to it.
        modified = 0
        if len(words) > 2 and words[0].lower() == "the":
            for head in range(1, min(len(words), INSTITUTION_MODIFIERS + 2)):
                if words[head].lower().rstrip(".,") in lexicon.INSTITUTIONS:
                    modified = head
                    break
                if (
                    not (words[head].isalpha() and words[head].islower())
                    or words[head] in ("the", "a", "an")
                    or words[head] in lexicon.NP_STOP
                ):
                    break  # "said the men guarding the police station": no name of one
        # stop at the first word that cannot be part of a subject
        kept: list[str] = []
        for index, word in enumerate(words):
            lower = word.lower().rstrip(".,")
            if (
                index < modified
                or word[:1].isupper()
                or lower in lexicon.TITLES
                or lower in lexicon.INSTITUTIONS
                or lower in lexicon.CONNECTORS
                or lower in ("a", "an", "the")
                or lower in lexicon.PRONOUNS
            ):
                kept.append(word.rstrip(".,"))
                if word.endswith((".", ",")) and lower not in lexicon.ABBREVIATIONS:
                    break
                continue
            break
        while kept and kept[-1].lower() in lexicon.CONNECTORS:
            kept.pop()
        if not kept:
            return None, position
        ref = parse_subject(kept)
        consumed = self.text.find(kept[-1], position) + len(kept[-1])
        name = _APPOSITIVE_NAME.match(self.text, consumed, end)
        if name and (ref is None or not ref.name):
            # "said the airport's chief operating officer, Daniel Morris."
            ref = SpeakerRef(name=name.group(1), role=ref.role if ref else None)
            consumed = name.end()
        return ref, consumed

    def _recipient(self, start: int, end: int) -> str | None:
        m = lexicon.INTERVIEW_RE.search(self.text, start, end)
        return m.group("to") if m else None

    def _skip_adjuncts(self, position: int, end: int) -> int:
        while True:
            m = lexicon.ADJUNCT_RE.match(self.text, position, end)
            if not m or m.end() == position:
                return position
            position = m.end()

    # -- the pass --------------------------------------------------------------
    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        sentences = find_sentences(self.text, self.quotes)
        for s, e in sentences:
            found = self._sentence(s, e)
            if not found:
                claim = self._reported(s, e)
                if claim:
                    claims.append(claim)
                continue
            for item in found:
                if item.ref is None or item.continues or not (item.ref.name or item.ref.role):
                    speaker = self.registry.last
                else:
                    speaker = self.registry.resolve(item.ref)
                if item.kind == "direct":
                    self.previous_direct = (self._paragraph_start(item.start), speaker)
                if speaker is None and item.kind != "reported":
                    continue  # "he said" with nobody named before
                claims.append(self._claim(item, speaker))
        return claims

    def _claim(self, item: _Found, speaker) -> Claim:
        start, end = self._trim(item.start, item.end)
        explicit = item.ref is not None and bool(item.ref.name or item.ref.role)
        return Claim.spanning(
            self.text,
            start,
            end,
            self.figures,
            self.dates,
            kind=item.kind,
            speaker=speaker,
            confidence=attribution_confidence(explicit, item.kind),
            recipient=item.recipient,
            cue=item.cue,
        )

    def _reported(self, s: int, e: int) -> Claim | None:
        start, end = self._trim(self._after_dateline(s), e)
        if lexicon.FOOTER_RE.match(self.text[start:end]):
            return None
        if end - start < 15 or len(_TOKEN.findall(self.text[start:end])) < 4:
            return None
        if self._quotes_in(start, end) and self._quotes_in(start, end)[0].open == start - 1:
            return None  # an unattributed quotation is nobody's claim
        figures = within(self.figures, start, end)
        dates = within(self.dates, start, end)
        if not figures and not dates:
            return None
        return Claim(
            text=self.text[start:end],
            start=start,
            end=end,
            kind="reported",
            confidence=0.6,
            figures=figures,
            dates=dates,
        )

    def _sentence(self, s: int, e: int) -> list[_Found]:
        if lexicon.FOOTER_RE.match(self.text[s:e].lstrip()):
            return []  # "(Reporting by …; Editing by …)"
        found: list[_Found] = []
        claimed: list[tuple[int, int]] = []  # spans (quotes, attributions) already used
        for quote in self._quotes_in(s, e):
            item, used = self._direct(s, e, quote)
            if item is not None:
                found.append(item)
                claimed.append(used)
        found.extend(self._indirect(s, e, claimed))
        found.sort(key=lambda f: f.start)
        return found

    def _direct(self, s: int, e: int, quote: Quote) -> tuple[_Found | None, tuple[int, int]]:
        """A claim for ``quote`` if it is attributed, and the span of text
        (quotation and attribution) it used."""
        start, end = quote.content
        unused = (quote.open, quote.close)
        if len(_TOKEN.findall(self.text[start:end])) < 2:
            return None, unused
        after = quote.close + 1
        # '"…," Zas said' / '"…," said Zas' / '"…" — he said'
        tail = re.match(r"[\s,—–-]*", self.text[after:e])
        at = after + (tail.end() if tail else 0)
        verb = lexicon.VERB_RE.match(self.text, at, e)
        if verb and at > after - 1:
            ref, consumed = self._subject_after(verb.end(), e)
            if ref is not None:
                recipient = self._recipient(verb.start(), e)
                return _Found(start, end, "direct", ref, verb.group("verb"), recipient), (
                    quote.open,
                    consumed,
                )
        for verb in self._verbs(at, min(e, at + 140)):
            if self._inside_quote(verb.start()):
                break
            ref = self._subject_before(at, verb.start())
            between = self.text[at : verb.start()]
            if ref is not None and not re.search(r"[.;:]", between):
                recipient = self._recipient(verb.start(), e)
                return _Found(start, end, "direct", ref, verb.group("verb"), recipient), (
                    quote.open,
                    verb.end(),
                )
            break
        # 'Zas told TASS: "…"' / 'He said, "…"' / 'she said that "…"'
        before = self.text[s : quote.open]
        lead = re.search(r"(?:[:,]|\bthat)\s*$", before)
        if lead:
            verbs = self._verbs(s, quote.open)
            if verbs:
                verb = verbs[-1]
                gap_end = self._skip_told(verb, quote.open)
                gap = self.text[gap_end : s + lead.start()]
                if not gap.strip(" ,") or lexicon.ADJUNCT_RE.fullmatch(gap):
                    ref = self._subject_before(s, verb.start())
                    if ref is not None:
                        recipient = self._recipient(verb.start(), quote.open)
                        found = _Found(start, end, "direct", ref, verb.group("verb"), recipient)
                        return found, (verb.start(), quote.close)
        # a quotation that opens a sentence of the same speaker's paragraph
        if not self.text[s : quote.open].strip() and self.previous_direct is not None:
            paragraph, _speaker = self.previous_direct
            this_paragraph = self._paragraph_start(quote.open)
            follows = paragraph == this_paragraph or self._continued_from_previous(this_paragraph)
            if follows and not self._verbs(quote.close, e):
                return _Found(start, end, "direct", None, "", None, continues=True), unused
        return None, unused

    def _continued_from_previous(self, paragraph: int) -> bool:
        """Is the paragraph starting at ``paragraph`` the continuation of a
        quotation left open at the end of the one before?"""
        i = bisect.bisect_left(self._quote_opens, paragraph) - 1
        return i >= 0 and self.quotes[i].continues and self.quotes[i].close >= paragraph - 2

    def _skip_told(self, verb: re.Match[str], limit: int) -> int:
        """After "told", skip the recipient; then any adjuncts."""
        position = verb.end()
        if verb.group("verb").lower().startswith(("told", "tell")):
            m = lexicon.TOLD_RE.match(self.text, position, limit)
            if m:
                position = m.end()
            that = _THAT_AHEAD.match(self.text, position, limit)
            if that:  # "told a televised news conference that"
                return that.start("that")
        return self._skip_adjuncts(position, limit)

    def _indirect(self, s: int, e: int, claimed: list[tuple[int, int]]) -> list[_Found]:
        def free(position: int) -> bool:
            return not any(a <= position < b for a, b in claimed) and not self._inside_quote(position)

        found = self._according(s, e, free)
        if found:
            return found
        verbs = [v for v in self._verbs(s, e) if free(v.start())]
        item = (self._trailing(s, e, verbs[-1]) or self._forward(s, e, verbs, free)) if verbs else None
        if item is None and claimed:
            # '"…," Mehmood said, adding that …': the quotation's speaker goes on
            start = max(b for _a, b in claimed)
            return [
                _Found(*self._trim(cut.end(), e), "indirect", None, cut.group("verb"), continues=True)
                for cut in self._continuations(start, e, free)[:1]
                if self._trim(cut.end(), e)[1] - self._trim(cut.end(), e)[0] >= 10
            ]
        if item is None:
            return self._participle_only(s, e, free)
        found.append(item)
        # ", adding that …", "… and expressed hope that …": the same speaker
        for cut in self._continuations(item.start, e, free):
            previous = found[-1]
            previous.end = min(previous.end, cut.start())
            start, end = self._trim(cut.end(), e)
            if end - start >= 10:
                found.append(_Found(start, end, "indirect", None, cut.group("verb"), continues=True))
        return found

    def _participle_only(self, s: int, e: int, free) -> list[_Found]:
        """ "The colonel also praised the cooperation, saying the two sides
        had ...": the sentence's subject said it."""
        cuts = [m for m in lexicon.PARTICIPLE_RE.finditer(self.text, s, e) if free(m.start())]
        if not cuts:
            return []
        words = []
        for token in _NP_WORD.findall(self.text[self._after_dateline(s) : cuts[0].start()]):
            if not _subject_word(token) or token == ",":
                break
            words.append(token)
        ref = parse_subject(words)
        start, end = self._trim(cuts[0].end(), e)
        if ref is None or end - start < 10:
            return []
        return [_Found(start, end, "indirect", ref, cuts[0].group("verb"))]

    def _continuations(self, start: int, e: int, free) -> list[re.Match[str]]:
        cuts = [m for m in lexicon.PARTICIPLE_RE.finditer(self.text, start, e) if free(m.start())]
        cuts += [m for m in lexicon.AND_VERB_RE.finditer(self.text, start, e) if free(m.start())]
        return sorted(cuts, key=lambda m: m.start())

    def _according(self, s: int, e: int, free) -> list[_Found]:
        """ "According to X, CLAUSE" and "CLAUSE, according to X"."""
        for m in lexicon.ACCORDING_RE.finditer(self.text, s, e):
            if not free(m.start()):
                continue
            lead = self.text[s : m.start()].strip(" \t\n")
            if not lead or lead.lower() in ("and", "but"):
                comma = self.text.find(",", m.end(), e)
                if comma < 0:
                    continue
                ref = parse_subject(_NP_WORD.findall(self.text[m.end() : comma]), source=True)
                start, end = self._trim(comma + 1, e)
            else:
                words = [w for w in _NP_WORD.findall(self.text[m.end() : e]) if w != ","][:10]
                ref = parse_subject(words, source=True)
                start, end = self._trim(self._after_dateline(s), m.start())
            if ref is not None and end - start >= 10:
                return [_Found(start, end, "indirect", ref, m.group("verb"))]
        return []

    def _trailing(self, s: int, e: int, verb: re.Match[str]) -> _Found | None:
        """ "CLAUSE, Zas said [in a statement]." / "CLAUSE, said Zas.": the
        sentence's last verb, with nothing after it but its subject and
        adjuncts."""
        comma = self.text.rfind(",", s, verb.start())
        # "…, Environment, Urbanisation and Climate Change Minister X said":
        # go back over commas inside the subject's title
        while comma > s:
            earlier = self.text.rfind(",", s, comma)
            between = _NP_WORD.findall(self.text[earlier + 1 : comma]) if earlier > s else []
            after = self.text[comma + 1 : verb.start()].split()
            if not between or not after or not _subject_word(after[0]):
                break
            if not all(_subject_word(w) or w == "and" for w in between):
                break
            comma = earlier
        if comma <= s:
            return None
        ref = self._subject_before(comma + 1, verb.start())
        rest_from = self._skip_told(verb, e)
        if ref is None and not self.text[comma + 1 : verb.start()].strip():
            ref, consumed = self._subject_after(verb.end(), e)  # "…, said Zas."
            rest_from = self._skip_adjuncts(consumed, e)
        rest = self.text[rest_from:e]
        if ref is None:
            return None
        if rest.strip(' .\n"”') and not lexicon.SUBORDINATE_RE.match(rest):
            told = verb.group("verb").lower().startswith("told")
            if not (told and len(rest.split()) <= 5 and not lexicon.VERB_RE.search(rest)):
                return None  # "told state broadcaster ERT" is still the recipient
        start, end = self._trim(self._after_dateline(s), comma)
        if end - start < 10:
            return None
        return _Found(start, end, "indirect", ref, verb.group("verb"), self._recipient(verb.start(), e))

    def _forward(self, s: int, e: int, verbs: list[re.Match[str]], free) -> _Found | None:
        """ "SPEAKER said [adjuncts] [that] CLAUSE"."""
        for verb in verbs:
            ref = self._subject_before(s, verb.start())
            if ref is None:
                continue
            after = self._skip_told(verb, e)
            that = lexicon.THAT_RE.match(self.text, after, e)
            word = verb.group("verb").lower().split()[-1]
            if that is None and word not in lexicon.THAT_OPTIONAL and word not in lexicon.DESCRIBING:
                continue  # "declared a state of emergency": an object, not a clause
            body = that.end() if that else after
            if not that and lexicon.SUBORDINATE_RE.match(self.text, body):
                continue
            start, end = self._trim(body, e)
            if word in lexicon.DESCRIBING:
                # "described the vote as "well organised"": the quotation is the claim
                quotes = self._quotes_in(body, e)
                if not quotes or len(self.text[body : quotes[0].open].split()) > 6:
                    continue
                start, end = quotes[0].content
                return _Found(start, end, "direct", ref, verb.group("verb"))
            if end - start < 10 or (not that and len(self.text[start:end].split()) < 3):
                continue
            return _Found(
                start, end, "indirect", ref, verb.group("verb"), self._recipient(verb.start(), body)
            )
        return None

    def _after_dateline(self, position: int) -> int:
        """Skip a dateline ("CAIRO, March 22 (Reuters) -") at a paragraph's start."""
        if position == self._paragraph_start(position):
            m = lexicon.DATELINE_RE.match(self.text, position)
            if m:
                return m.end()
        return position
