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

from claimtrack import Claim, DateMention, Document, Figure, SpeakerRef, SpeakerRegistry, normalize
from claimtrack_english import lexicon

_OPEN_CLOSE = {"“": "”", "«": "»"}
_MARKS = re.compile('[“”«»"\n]')
_MAX_QUOTE = 3000
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’)]|$)|\n")
_TOKEN = re.compile(r"[A-Za-z0-9][\w\-.'’]*|'s|’s")
_TRAIL = " \t\n,;:—–-"
_NP_WORD = re.compile(r"[\w\-.'’]+|,")
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
    return spans


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
    return (
        word[:1].isupper()
        and not (word.isupper() and len(word) > 1 and "." not in word)  # CSTO, UN
        and bare not in lexicon.TITLES
        and bare not in lexicon.INSTITUTIONS
        and not word.endswith(("'s", "’s"))
    )


def parse_subject(words: list[str]) -> SpeakerRef | None:
    """A subject phrase as role and name: "CSTO Secretary General Stanislav
    Zas" → role "CSTO Secretary General", name "Stanislav Zas"."""
    words = [w if w.lower() in lexicon.ABBREVIATIONS else w.rstrip(".,;:") for w in words]
    words = [w for w in words if w and w != ","]
    while words and words[0].lower() in ("the", "a", "an", "and", "but", "also"):
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in lexicon.PRONOUNS:
        return SpeakerRef()  # continues the last speaker
    split = len(words)
    while split > 0 and _is_name_word(words[split - 1]):
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
            return None
        return SpeakerRef(role=role)
    name = " ".join(words[split:])
    role = " ".join(words[:split]) or None
    return SpeakerRef(name=name, role=role, split=split)


class EnglishExtractor:
    """Extract the claims of one English document."""

    def __init__(self, document: Document, figures: list[Figure], dates: list[DateMention]):
        self.document = document
        self.text = document.text
        self.figures = figures
        self.dates = dates
        self.quotes = find_quotes(self.text)
        self._quote_opens = [q.open for q in self.quotes]
        self.registry = SpeakerRegistry(role_key, organization_of)
        self.previous_direct: tuple[int, object] | None = None  # (paragraph start, speaker)

    # -- helpers -------------------------------------------------------------
    def _quotes_in(self, s: int, e: int) -> list[Quote]:
        i = bisect.bisect_left(self._quote_opens, s)
        j = bisect.bisect_left(self._quote_opens, e)
        return self.quotes[i:j]

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
        """The subject phrase ending right before ``position`` (a verb),
        with an appositive: "Dmitry Peskov, the Kremlin spokesman," or "The
        spokesman for the UN, Stephane Dujarric,"."""
        zone = self.text[max(clause_start, position - 160) : position].rstrip(" \t,")
        tokens = _NP_WORD.findall(zone)
        while tokens and tokens[-1].lower() in _BETWEEN_SUBJECT_AND_VERB:
            tokens.pop()  # "Lavrov also said", "the ministry has said"
        phrase: list[str] = []
        groups: list[list[str]] = [phrase]
        for token in reversed(tokens):
            lower = token.lower()
            if token == ",":
                if len(groups) == 3 or not phrase:
                    break
                phrase = []
                groups.append(phrase)
                continue
            if (
                token[:1].isupper()
                or token[:1].isdigit()
                or lower.strip(".") in lexicon.TITLES
                or lower in lexicon.INSTITUTIONS
                or lower in lexicon.CONNECTORS
                or lower in lexicon.PRONOUNS
                or lower in ("a", "an", "the")
            ):
                phrase.insert(0, token)
                if len(phrase) > 12:
                    return None
                continue
            break
        groups = [g for g in groups if g]
        if not groups:
            return None
        # Drop connectors left dangling at the start ("of", "and").
        first = groups[0]
        while first and first[0].lower() in lexicon.CONNECTORS - {"the"}:
            first.pop(0)
        ref = parse_subject(first)
        if len(groups) >= 2:
            other = parse_subject(groups[1])
            if ref is not None and other is not None:
                # "NAME, ROLE," or "ROLE, NAME,": one speaker
                if ref.name and not ref.role and other.role and not other.name:
                    return SpeakerRef(name=ref.name, role=other.role)
                if other.name and not other.role and ref.role and not ref.name:
                    return SpeakerRef(name=other.name, role=ref.role)
        return ref

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
        # stop at the first word that cannot be part of a subject
        kept: list[str] = []
        for word in words:
            lower = word.lower().rstrip(".,")
            if (
                word[:1].isupper()
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
        explicit = item.ref is not None and (item.ref.name or item.ref.role)
        confidence = (0.9 if explicit else 0.75) + (0.05 if item.kind == "direct" else 0)
        return Claim(
            text=self.text[start:end],
            start=start,
            end=end,
            kind=item.kind,
            speaker=speaker,
            confidence=round(confidence, 2),
            recipient=item.recipient,
            cue=item.cue,
            figures=[f for f in self.figures if start <= f.start and f.end <= end],
            dates=[d for d in self.dates if start <= d.start and d.end <= end],
        )

    def _reported(self, s: int, e: int) -> Claim | None:
        start, end = self._trim(s, e)
        if end - start < 15 or len(_TOKEN.findall(self.text[start:end])) < 4:
            return None
        if self._quotes_in(start, end) and self._quotes_in(start, end)[0].open == start - 1:
            return None  # an unattributed quotation is nobody's claim
        figures = [f for f in self.figures if start <= f.start and f.end <= end]
        dates = [d for d in self.dates if start <= d.start and d.end <= end]
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
        for verb in lexicon.VERB_RE.finditer(self.text, at, min(e, at + 140)):
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
            verbs = list(lexicon.VERB_RE.finditer(self.text, s, quote.open))
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
            if follows and not lexicon.VERB_RE.search(self.text, quote.close, e):
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
        return self._skip_adjuncts(position, limit)

    def _indirect(self, s: int, e: int, claimed: list[tuple[int, int]]) -> list[_Found]:
        found: list[_Found] = []

        def free(position: int) -> bool:
            return not any(a <= position < b for a, b in claimed) and not self._inside_quote(position)

        # "According to X, CLAUSE" / "CLAUSE, according to X"
        for m in lexicon.ACCORDING_RE.finditer(self.text, s, e):
            if not free(m.start()):
                continue
            lead = self.text[s : m.start()].strip(" \t\n")
            if not lead or lead.lower() in ("and", "but"):
                comma = self.text.find(",", m.end(), e)
                if comma < 0:
                    continue
                ref = parse_subject(_NP_WORD.findall(self.text[m.end() : comma]))
                body_start, body_end = self._trim(comma + 1, e)
            else:
                ref = parse_subject(
                    [w for w in _NP_WORD.findall(self.text[m.end() : e]) if w not in (",",)][:10]
                )
                body_start, body_end = self._trim(s, m.start())
            if ref is None or body_end - body_start < 10:
                continue
            found.append(_Found(body_start, body_end, "indirect", ref, m.group("verb")))
            claimed.append((s, e))
        if found:
            return found
        verbs = [v for v in lexicon.VERB_RE.finditer(self.text, s, e) if free(v.start())]
        cuts = [m for m in lexicon.PARTICIPLE_RE.finditer(self.text, s, e) if free(m.start())]
        for verb in verbs:
            ref = self._subject_before(s, verb.start())
            inverted = None
            if ref is None:
                # "…, said Zas [in a statement]." ends the sentence
                inverted, consumed = self._subject_after(verb.end(), e)
                if inverted is None or self.text[self._skip_adjuncts(consumed, e) : e].strip(" .\n"):
                    continue
                ref = inverted
            after = self._skip_told(verb, e)
            that = lexicon.THAT_RE.match(self.text, after, e)
            body = that.end() if that else after
            rest = self.text[body:e].strip(" .\n\t")
            comma_before = self.text[s : verb.start()].rstrip()
            if inverted is not None or not rest or (not that and len(rest.split()) < 3):
                # "CLAUSE, Zas said [in a statement]." — the clause before
                comma = self.text.rfind(",", s, verb.start())
                if comma <= s or not comma_before:
                    continue
                subject_start = comma + 1
                start, end = self._trim(s, comma)
                if inverted is None:
                    ref = self._subject_before(subject_start, verb.start())
                if ref is None or end - start < 10:
                    continue
                recipient = self._recipient(verb.start(), e)
                found.append(_Found(start, end, "indirect", ref, verb.group("verb"), recipient))
                break
            end = e
            for cut in cuts:
                if cut.start() > body:
                    end = cut.start()
                    break
            start, end = self._trim(body, end)
            if end - start < 10:
                continue
            recipient = self._recipient(verb.start(), body)
            found.append(_Found(start, end, "indirect", ref, verb.group("verb"), recipient))
            claimed.append((verb.start(), e))
            break
        for cut in cuts:
            if found and cut.start() > found[-1].start:
                start, end = self._trim(cut.end(), e)
                if end - start >= 10:
                    found.append(_Found(start, end, "indirect", None, cut.group("verb"), continues=True))
        return found
