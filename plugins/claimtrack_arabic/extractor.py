"""Who said what: attribution in Arabic news copy.

The extractor works on the document text folded with
:func:`claimtrack.fold_with_offsets` (one spelling for every alef, hamza, ya
and ta-marbuta form, no diacritics), and maps every span back to the
original, so a claim's span always selects its statement in the document.

One pass finds the quotations (“ ” « » " ″, paired per paragraph, nesting
allowed between different mark families) and the sentences (a full stop
inside a quotation does not end one). Then, sentence by sentence:

* a reporting verb (قال، أكد، أضاف، تابع، خلص إلى، أعرب عن ... with و/ف and
  feminine and present forms) followed, within a short zone holding the
  subject and adjuncts ("زاس، في تصريحات لسبوتنيك،"), by إن/أن (+ pronoun),
  بأن, إلى أن, a colon or a quotation: a direct claim when a quotation
  follows, an indirect one otherwise;
* a quotation followed by "، قال X" or "، بحسب X": a direct claim;
* "بحسب/وفقا لـ/نقلا عن X، ..." and "...، بحسب X": an indirect claim;
* "مضيفا أن ..." and the like: a further claim by the same speaker;
* a sentence with no attribution that carries a figure or a date: a claim
  reported by the outlet itself.

Subjects go through :class:`~claimtrack_arabic.speakers.SpeakerRegistry`, so
a surname, a title or a missing subject resolves to the speaker named
earlier. Every step is a bounded regex search from a moving position: the
whole run is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import functools
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
    fold_chars,
    fold_with_offsets,
    within,
)
from claimtrack_arabic import lexicon
from claimtrack_arabic.speakers import has_article, organization_of, parse_subject, role_key, strip_article

#: Quotation mark families; a family pairs with itself, in either direction
#: (Arabic copy often has “ and ” swapped by right-to-left typing).
_FAMILY = {"“": 1, "”": 1, "„": 1, "«": 2, "»": 2, '"': 3, "″": 4}
_MARKS = re.compile('[“”„«»"″\n]')
_MAX_QUOTE = 4000
#: Characters between a verb and its complementizer (subject + adjuncts).
_MAX_ZONE = 300
_TERMINATORS = re.compile(r"[.!?؟\n]")
_TOKEN = re.compile(r"[^\s،,؛;:.!?\"“”«»″()\[\]–—]+")
_SEGMENT = re.compile(r"[^،,]+")
#: The most text read for a speaker between a verb and what was said: the
#: longest in the corpora is 134 characters; without a bound, text with
#: many verbs and no complement took quadratic time.
_SUBJECT_ZONE = 500
_PARENTHESES = re.compile(r"\([^()\n]{0,80}\)")
_ROLE_PREPOSITIONS = {"في", "لدي"}
_RELAYED = re.compile(r"(?<!\w)نقلا\s+عن(?!\w)")
_SPACE_PUNCT = " \t\u00a0،,؛;:-–—"
_TRAILING = " \t\n\u00a0،,؛;:.!?…-–—"


@dataclass
class Quote:
    """A quotation: ``open``/``close`` are the positions of its marks."""

    open: int
    close: int

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks within each paragraph (or across one paragraph
    break, when the next paragraph's first mark closes the quotation). An
    opening mark that is never closed opens nothing."""
    quotes: list[Quote] = []
    stack: list[tuple[int, int]] = []  # (family, position)
    for match in _MARKS.finditer(text):
        char, pos = match.group(), match.start()
        if char == "\n":
            # A quotation may run on into the next paragraph when that
            # paragraph's first mark closes it (a quoted speech of two
            # paragraphs); otherwise what is open stays unpaired.
            if stack and stack[-1][1] > pos - _MAX_QUOTE // 2:
                family = stack[-1][0]
                line_end = text.find("\n", pos + 1)
                following = text[pos + 1 : line_end if line_end >= 0 else len(text)]
                if len(following) < _MAX_QUOTE // 2 and any(
                    _FAMILY[c] == family for c in following if c in '»”″"'
                ):
                    stack = stack[-1:]
                    continue
            stack.clear()
            continue
        family = _FAMILY[char]
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == family:
                start = stack[depth][1]
                del stack[depth:]
                if pos - start <= _MAX_QUOTE and pos - start > 1:
                    quotes.append(Quote(start, pos))
                break
        else:
            if char in "»":  # a closing guillemet with nothing open
                continue
            stack.append((family, pos))
    quotes.sort(key=lambda q: q.open)
    # Keep outermost quotations only: inner ones belong to their statement.
    outer: list[Quote] = []
    for quote in quotes:
        if outer and quote.open < outer[-1].close:
            continue
        outer.append(quote)
    return outer


def find_sentences(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentence spans; terminators inside quotations, and decimal points,
    do not end a sentence."""
    spans = []
    start = 0
    qi = 0
    for match in _TERMINATORS.finditer(text):
        pos = match.start()
        while qi < len(quotes) and quotes[qi].close < pos:
            qi += 1
        if qi < len(quotes) and quotes[qi].open < pos < quotes[qi].close:
            continue
        if (
            match.group() == "."
            and 0 < pos < len(text) - 1
            and text[pos - 1].isdigit()
            and text[pos + 1].isdigit()
        ):
            continue
        if pos > start:
            spans.append((start, pos + (match.group() != "\n")))
        start = pos + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass
class _Found:
    start: int  # folded offsets of the statement
    end: int
    kind: str
    ref: SpeakerRef | None
    cue: str
    recipient: str | None = None
    continues: bool = False
    outlet: bool = False  # the outlet's own statement: no speaker


class ArabicExtractor:
    """Extract the claims of one Arabic document."""

    def __init__(self, document: Document, figures: list[Figure], dates: list[DateMention]):
        self.document = document
        self.original = document.text
        self.text, self.offsets = fold_with_offsets(document.text)
        self.figures = SortedSpans(figures)
        self.dates = SortedSpans(dates)
        self.quotes = find_quotes(self.text)
        self._quote_opens = [q.open for q in self.quotes]
        self._quote_closes = [q.close for q in self.quotes]
        self._cue_list = self._all_cues()
        self._cue_starts = [cue[0] for cue in self._cue_list]
        self.registry = SpeakerRegistry(role_key, organization_of)
        self.genders: dict[int, str | None] = {}  # speaker → "f"/"m", from the verb that introduced them

    # -- offsets -----------------------------------------------------------
    def _orig(self, position: int) -> int:
        offsets = self.offsets
        return position if offsets is None else offsets[position]

    def _original(self, start: int, end: int) -> str:
        offsets = self.offsets  # None: no diacritics were dropped, the common case
        if offsets is None:
            return self.original[start:end]
        return self.original[offsets[start] : offsets[end]]

    # -- helpers -----------------------------------------------------------
    def _quote_at(self, position: int, limit: int) -> Quote | None:
        """The quotation opening at ``position`` or after it, within
        ``limit`` characters of only spaces and up to two short words."""
        for quote in self._quotes_from(position):
            if quote.open > position + limit:
                return None
            gap = self.text[position : quote.open].strip()
            if not gap or (len(_TOKEN.findall(gap)) <= 2 and "\n" not in gap):
                return quote
            return None
        return None

    def _quotes_from(self, position: int) -> list[Quote]:
        i = bisect.bisect_left(self._quote_opens, position)
        return self.quotes[i : i + 1]

    def _last_quote_before(self, s: int, position: int) -> Quote | None:
        """The last quotation that closes before ``position`` and opens at
        or after ``s`` (quotations are disjoint, so sorted by both ends)."""
        i = bisect.bisect_left(self._quote_closes, position) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].open >= s else None

    def _inside_quote(self, position: int) -> bool:
        i = bisect.bisect_right(self._quote_opens, position) - 1
        return i >= 0 and self.quotes[i].open < position < self.quotes[i].close

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in _TRAILING:
            start += 1
        while end > start and self.text[end - 1] in _TRAILING:
            end -= 1
        return start, end

    def _subject(self, start: int, end: int) -> tuple[SpeakerRef, list[tuple[int, int]], str | None]:
        """Read the zone between a verb and its complement: the subject up to
        the first adjunct, or a role and then a name between commas
        ("منسقة الشؤون الإنسانية في السودان، كلير دوبوا،"), and the recipient
        ("في تصريحات لسبوتنيك")."""
        end = min(end, start + _SUBJECT_ZONE)  # linear time: each verb reads a bounded zone
        zone = self.text[start:end]
        recipient = None
        rmatch = lexicon.RECIPIENT_RE.search(zone)
        if rmatch:
            group = next(g for g in ("to", "media", "via", "quoted") if rmatch.group(g))
            recipient = self._original(start + rmatch.start(group), start + rmatch.end(group)).strip()
        issuer = lexicon.STATEMENT_BY_RE.match(zone)
        if issuer:  # "بيان صادر عن المؤسسة ...": the issuer speaks
            start, zone = start + issuer.end(), zone[issuer.end() :]
        segments: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []  # (lead, all)
        hidden = []
        if "(" in zone:
            hidden = [(start + m.start(), start + m.end()) for m in _PARENTHESES.finditer(zone)]
        for segment in _SEGMENT.finditer(zone):
            if segment.group().isspace():
                continue  # nothing between two commas: no tokens
            begin, stop = start + segment.start(), start + segment.end()
            spans = [m.span() for m in _TOKEN.finditer(self.text, begin, stop)]
            if hidden:  # "(آفاد)", "(الثلاثاء)": asides, not part of a name or role
                spans = [sp for sp in spans if not any(a <= sp[0] < b for a, b in hidden)]
            if not spans:
                continue
            words = [self.text[a:b] for a, b in spans]
            if not lexicon.ANONYMITY.isdisjoint(words[:4]):
                continue  # "طلب عدم ذكر اسمه": not a name, not a role
            lead = []
            for i, span in enumerate(spans):
                word = words[i]
                if word in lexicon.HONORIFICS and not lead:
                    continue
                if (
                    word in lexicon.RELATIVES
                    or word in lexicon.ANONYMITY
                    or (word[:1] == "ل" and self._is_recipient(word))  # a recipient starts with ل
                ):
                    break
                if word == "علي" and self.original[self._orig(span[1]) - 1 : self._orig(span[1])] == "ى":
                    break  # "على هامش ...", not the name "علي"
                if word in lexicon.ADJUNCT_WORDS or word in lexicon.SAYING_NOUNS:
                    if word in _ROLE_PREPOSITIONS and lead and i + 1 < len(spans):
                        # "الخبير في علم الزلازل ... الدكتور أوزان شاهين": a
                        # role's field, unless an occasion follows ("في تصريحات").
                        following = strip_article(self.text[spans[i + 1][0] : spans[i + 1][1]])
                        if following not in lexicon.OCCASION_NOUNS and segment_has_name(
                            [self._original(a, b) for a, b in spans]
                        ):
                            lead.append(span)
                            continue
                    break
                lead.append(span)
            segments.append((lead, spans))
            if len(segments) == 3:
                break
        tokens: list[tuple[int, int]] = []
        split = None
        if len(segments) >= 2 and segments[0][0] and segments[1][0] and len(segments[0][1]) <= 12:
            first = parse_subject([self._original(a, b) for a, b in segments[0][0]])
            second_words = [self._original(a, b) for a, b in segments[1][0]]
            second = parse_subject(second_words)
            if second.role and not second.name and not any(map(_is_title_word, second_words)):
                second.name, second.role, second.split = second.role, None, 0  # "الحبيب الطرابلسي"
            if first.role and second.name and not second.anonymous and len(segments[1][0]) <= 6:
                # A role (with its place: "في السودان"), then the name.
                name_tokens = segments[1][0][second.split :]
                tokens, split = segments[0][1] + name_tokens, len(segments[0][1])
            elif first.name and second.role and not second.name and not second.institution:
                # "المهندس حسام الدين رضوان، وزير النقل،": the name, then the role
                role_tokens, name_tokens = segments[1][0], segments[0][0][first.split :]
                ref = SpeakerRef(
                    name=self._original(name_tokens[0][0], name_tokens[-1][1]),
                    role=self._original(role_tokens[0][0], role_tokens[-1][1]),
                )
                return ref, name_tokens + role_tokens, recipient
        if split is None:
            tokens = segments[0][0] if segments and segments[0][0] else []
            if not tokens and len(segments) > 1 and not segments[0][0]:
                tokens = segments[1][0]  # "وقال، في تصريحات، الوزير ..."
            if len(tokens) > 14:
                tokens = []
        if len(tokens) > 1 and self.text[tokens[0][0] : tokens[0][1]] in lexicon.OUTPUT_NOUNS:
            tokens = tokens[1:]  # "بيان الوزارة", "أرقام المفوضية": the issuer speaks
            split = split - 1 if split else split
        if len(tokens) == 1 and self.text[tokens[0][0] : tokens[0][1]] in lexicon.PRONOUN_REFERENCES:
            tokens = []  # "وقالت سعادتها": the last speaker
        tokens = [t for t in tokens if self.text[t[0] : t[1]] not in lexicon.SAME_WORDS]  # "الخبير ذاته"
        ref = parse_subject([self._original(a, b) for a, b in tokens]) if tokens else SpeakerRef()
        if split is not None:
            ref.split, ref.institution, ref.anonymous = split, False, False
        if split is None and ref.role and not ref.name and not ref.institution and segments:
            # "مسؤول في جهاز حرس السواحل", "مسؤول عسكري": an unnamed official
            # (no article before the first preposition) is an anonymous source.
            head = [t for t in tokens if self.text[t[0] : t[1]] not in ("في", "ب")]
            words = [self._original(a, b) for a, b in head[:3]]
            if words and not any(has_article(w) for w in words) and _is_title_word(words[0]):
                spans = []
                for span in segments[0][1]:
                    word = self.text[span[0] : span[1]]
                    if word in lexicon.ANONYMITY or word in lexicon.RELATIVES or self._is_recipient(word):
                        break
                    spans.append(span)
                name = self._original(spans[0][0], spans[-1][1])
                return SpeakerRef(name=name, anonymous=True), spans, recipient
        if ref.role or ref.name:
            role_tokens, name_tokens = tokens[: ref.split], tokens[ref.split :]
            ref.role = self._original(role_tokens[0][0], role_tokens[-1][1]) if role_tokens else None
            ref.name = self._original(name_tokens[0][0], name_tokens[-1][1]) if name_tokens else None
            if ref.anonymous:
                ref.role = None
        return ref, tokens, recipient

    # -- the pass ------------------------------------------------------------
    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        for s, e in find_sentences(self.text, self.quotes):
            s = self._after_dateline(s, e)
            found = self._sentence(s, e)
            if not found:
                claim = self._reported(s, e)
                if claim:
                    claims.append(claim)
                continue
            previous = None
            for item in found:
                if item.outlet:
                    claims.append(self._claim(item, None))
                    continue
                if item.ref is not None and item.ref.institution and not item.continues:
                    item.ref = self._expand_institution(item.ref, item.start)
                if item.ref is None or (item.continues and previous is not None):
                    if item.continues and previous is not None:
                        speaker = previous
                    else:
                        speaker = self._last_of_gender(_verb_gender(item.cue))
                    if speaker is not None:
                        self.registry.last = speaker
                else:
                    speaker = self.registry.resolve(item.ref)
                    if speaker is not None and id(speaker) not in self.genders:
                        self.genders[id(speaker)] = _speaker_gender(speaker, item.cue)
                previous = speaker
                claims.append(self._claim(item, speaker))
        return claims

    def _claim(self, item: _Found, speaker) -> Claim:
        start, end = self._orig(item.start), self._orig(item.end)
        explicit = item.ref is not None and bool(item.ref.name or item.ref.role)
        return Claim.spanning(
            self.original,
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

    def _after_dateline(self, s: int, e: int) -> int:
        """Where the sentence ``[s, e)`` starts once the dateline that may open
        its line is left out ("أنقرة 14 مايو 2024 (شينخوا)", "الكويت – 16
        يوليو (كونا) –"): the place and date of the dispatch belong to no
        statement, attributed or not. What counts as one is
        :data:`lexicon.DATELINE_RE` (a date or a source is required), and a
        match holding a reporting cue is none: a verb is never cut off."""
        if s > 0 and self.text[s - 1] != "\n":
            return s  # sentences split at every line break: this one opens no line
        if not lexicon.DATELINE_MARK_RE.search(self.text, s, e):
            return s  # the pattern looks ahead for one of these marks (the common case: none)
        start = self._trim(s, e)[0]
        dateline = lexicon.DATELINE_RE.match(self.text, start, e)
        if dateline is None or dateline.end() >= e or self._cues(start, dateline.end()):
            return s
        return dateline.end()

    def _reported(self, s: int, e: int) -> Claim | None:
        """A sentence without attribution is a claim of the outlet's only when
        it carries a figure or a date."""
        s, e = self._trim(s, e)
        if e - s < 12 or len(_TOKEN.findall(self.text[s:e])) < 4:
            return None
        if lexicon.SOURCE_LINE_RE.match(self.text[s:e]):
            return None
        start, end = self._orig(s), self._orig(e)
        figures = within(self.figures, start, end)
        dates = within(self.dates, start, end)
        # "منذ سنوات" alone does not make a fact checkable; without a
        # publication date nothing resolves, so any date reference counts.
        anchored = self.document.published is None
        if not figures and not any(d.value or anchored for d in dates):
            return None
        return Claim(
            text=self.original[start:end],
            start=start,
            end=end,
            kind="reported",
            speaker=None,
            confidence=0.6,
            figures=figures,
            dates=dates,
        )

    def _all_cues(self) -> list[tuple[int, int, str, str]]:
        """(start, end, kind, verb) of every cue in the document outside
        quotations, in order: each occurrence of a cue word the text holds,
        confirmed by its pattern.
        kind: verb, participle, according, and_that ("، وأن ..."), came_in
        ("وجاء في البيان")."""
        cues = []
        text = self.text
        kinds = lexicon.CUE_KINDS
        for start, word in find_words(text, kinds):
            kind = kinds[word]
            if kind == "other":
                for kind, regex in (("and_that", lexicon.AND_THAT_RE), ("came_in", lexicon.CAME_IN_RE)):
                    m = regex.match(text, start)
                    if (
                        kind == "and_that"
                        and m
                        and not text[max(0, start - 3) : start].rstrip().endswith(("،", ","))
                    ):
                        m = None
                    if m and not self._inside_quote(start):
                        cues.append((m.start(), m.end(), kind, m.group("verb")))
                continue
            if text[max(0, start - 4) : start] == "عدم ":
                continue  # "طلب عدم ذكر اسمه": a verbal noun, not a report
            m = lexicon.CUE_PATTERNS[kind].match(text, start)
            if m and not self._inside_quote(m.start()):
                cues.append((m.start(), m.end(), kind, m.group("verb")))
        cues.sort()
        return cues

    def _cues(self, s: int, e: int) -> list[tuple[int, int, str, str]]:
        """The cues that start inside the sentence ``[s, e)``."""
        return self._cue_list[
            bisect.bisect_left(self._cue_starts, s) : bisect.bisect_left(self._cue_starts, e)
        ]

    def _sentence(self, s: int, e: int) -> list[_Found]:
        found: list[_Found] = []
        cues = self._cues(s, e)
        claimed_until = s
        cuts = [self._cuts(cs, kind, ce) for cs, ce, kind, _verb in cues]
        # next_cuts[i]: where the statement of cue i must stop at the latest.
        next_cuts = [e] * len(cues)
        for i in range(len(cues) - 2, -1, -1):
            next_cuts[i] = cues[i + 1][0] if cuts[i + 1] else next_cuts[i + 1]
        # next_speech[i]: the next cue that can start its own statement
        # ("بحسب"/"نقلا عن" may sit inside a verb's subject zone).
        next_speech = [e] * len(cues)
        for i in range(len(cues) - 2, -1, -1):
            later = cues[i + 1]
            next_speech[i] = later[0] if later[2] != "according" else next_speech[i + 1]
        for index, (cs, ce, kind, verb) in enumerate(cues):
            if cs < claimed_until and not cuts[index]:
                continue
            next_cut = next_cuts[index]
            next_cue = next_speech[index]
            if kind == "according":
                item = self._according(s, e, cs, ce, next_cut)
            else:
                item = self._verb(s, e, cs, ce, kind, verb, next_cue, next_cut)
            if item is None:
                continue
            if kind == "participle" and not found:
                # "طالبت النائبة …، مؤكدة أن …": the main verb's subject speaks
                item.ref, item.continues = self._main_subject(s, cs), False
            if found and found[-1].end > item.start and found[-1].kind == "indirect":
                found[-1].end = max(found[-1].start + 1, self._trim(found[-1].start, cs)[1])
            found.append(item)
            claimed_until = max(claimed_until, item.end)
        return [f for f in found if f.end > f.start]

    def _last_of_gender(self, gender: str | None):
        """The most recent speaker a subject-less verb can refer to: "وأضاف"
        skips back over a woman who spoke last to the man before her."""
        last = self.registry.last
        if gender is None or last is None or self.genders.get(id(last)) in (None, gender):
            return last
        for speaker in reversed(self.registry.speakers):
            if self.genders.get(id(speaker)) == gender:
                return speaker
        return last

    def _main_subject(self, s: int, position: int) -> SpeakerRef | None:
        """The subject of the last reporting verb before ``position`` in the
        sentence that starts at ``s``, even if that verb made no claim."""
        verbs = [c for c in self._cues(s, position) if c[2] == "verb"]
        if not verbs:
            return None
        _cs, ce, _kind, _verb = verbs[-1]
        comma = self.text.find("،", ce, position)
        ref, _tokens, _recipient = self._subject(ce, comma if comma > 0 else position)
        if ref.name:
            # "طالبت النائبة مريم الحايكي بمراجعة الإعانة": the complement of
            # the verb (بـ، إلى، عن) is not part of the name
            words = ref.name.split()
            for i, word in enumerate(words[2:], start=2):
                if fold_chars(word)[:1] in "بل" or fold_chars(word) in ("الي", "عن", "علي"):
                    ref.name = " ".join(words[:i])
                    break
        return ref if ref.name or ref.role else None

    def _cuts(self, position: int, kind: str, end: int) -> bool:
        """Does a cue at ``position`` start a new statement (rather than sit
        inside the previous one)? "، وأضاف" and "، وأن" do; a participle does
        when a complementizer follows it ("مضيفا أن"), not before a verbal
        noun ("داعيا المواطنين إلى الترشيد")."""
        if kind == "and_that":
            return True
        if kind == "participle":
            return self._complement(end, min(len(self.text), end + 25)) is not None
        before = self.text[max(0, position - 12) : position].rstrip()
        if kind != "verb":
            return False
        if lexicon.CONTRAST_RE.search(before):
            return True  # "...، فيما يرى الدوسري أن ..."
        return self.text[position] in "وف" and (before.endswith(("،", ",")) or not before)

    def _complement(self, start: int, limit: int) -> re.Match[str] | None:
        """The first complementizer (إن/أن/إلى أن/بأن, a colon) in
        ``[start, limit)`` that is not inside a quotation."""
        for match in lexicon.COMPLEMENT_RE.finditer(self.text, start, limit):
            if not self._inside_quote(match.start()):
                return match
        return None

    def _verb(self, s, e, cs, ce, kind, verb, next_cue, next_cut) -> _Found | None:
        if kind == "and_that":
            return self._statement(ce, e, next_cut, None, cs, ce, None, continues=True, colon=False)
        limit = min(e, ce + _MAX_ZONE, next_cue)
        comp = self._complement(ce, limit)
        quote = self._quote_at(ce, _MAX_ZONE)
        if quote is not None and (quote.open >= limit or quote.close > e):
            quote = None
        if (
            quote is not None
            and comp is not None
            and quote.open < comp.start()
            and self.text[ce : quote.open].strip()
        ):
            # A quotation inside the subject zone ("القيادي في تحالف «قوى
            # التغيير»، ... إن") is not the statement unless it follows the
            # verb directly.
            quote = None
        if quote is not None and (comp is None or quote.open < comp.start()):
            if len(_TOKEN.findall(self.text[ce : quote.open])) > 6:
                return self._quote_before(s, e, cs, ce, kind, verb, next_cue)
            zone_end, after = quote.open, quote.open
        elif comp is not None:
            zone_end, after = comp.start(), comp.end()
        else:
            return self._quote_before(s, e, cs, ce, kind, verb, next_cue)
        if kind == "participle" and len(_TOKEN.findall(self.text[ce:zone_end])) > 3:
            return None
        if kind == "verb" and len(_TOKEN.findall(self.text[ce:zone_end])) > 28:
            return None
        if kind == "verb" and verb in lexicon.PASSIVE_CUES and not self.text[ce:zone_end].strip():
            # "ويذكر أن ...": the outlet's own background, not a quote
            found = self._statement(after, e, next_cut, None, cs, ce, None, False, False)
            if found is not None:
                found.kind, found.outlet = "reported", True
            return found
        ref, _tokens, recipient = self._subject(ce, zone_end) if kind == "verb" else (None, [], None)
        if ref is not None and (verb.startswith("نقل") or _RELAYED.search(self.text, ce, zone_end)):
            ref, _tokens, recipient = self._reported_via(ce, zone_end)
        if kind == "verb" and ref is not None and not (ref.name or ref.role):
            ref = self._subject_before(s, cs) or ref
        if kind == "came_in":
            ref = self._issuer(ce, zone_end)
        colon = comp is not None and comp.group() == ":"
        return self._statement(after, e, next_cut, ref, cs, ce, recipient, kind == "participle", colon)

    def _statement(self, after, e, next_cut, ref, cs, ce, recipient, continues, colon) -> _Found | None:
        """The statement after a complementizer ending at ``after``: a
        quotation that starts right there is direct (its content is the
        statement); otherwise the clause up to ``next_cut`` is indirect (a
        partial quotation inside it stays part of it)."""
        q = self._quote_at(after, 40)
        if q is not None and (q.close > e or self.text[after : q.open].strip()):
            q = None
        if q is not None:
            start, end = q.content
            recipient = recipient or self._recipient_after(q.close, e)
            item_kind = "direct"
        else:
            start, end = self._trim(after, next_cut)
            item_kind = "direct" if colon else "indirect"
            if end - start < 6:
                return None
        if ref is not None and not (ref.name or ref.role):
            ref = None
        return _Found(start, end, item_kind, ref, self._original(cs, ce), recipient, continues=continues)

    def _issuer(self, start: int, end: int) -> SpeakerRef | None:
        """ "وجاء في بيان الوزارة" / "وجاء في البيان": who issued it. A bare
        "البيان" points back to the last institution that spoke."""
        ref, _tokens, _recipient = self._subject(start, end)
        words = (ref.role or ref.name or "").split()
        if len(words) > 1 and fold_chars(words[0]).endswith("بيان"):
            return SpeakerRef(role=" ".join(words[1:]), institution=True)
        for speaker in reversed(self.registry.speakers):
            if speaker.kind == "institution":
                return SpeakerRef(role=speaker.name, institution=True)
        return None

    def _reported_via(self, start: int, end: int) -> tuple[SpeakerRef, list, str | None]:
        """ "نقلت وكالة تاس عن الوزير قوله": the speaker follows عن, the
        medium comes before it."""
        zone = self.text[start:end]
        m = _RELAYED.search(zone) or re.search(r"(?<!\w)عن(?!\w)", zone)
        if not m:
            return self._subject(start, end)
        via = self._original(start, start + m.start()).strip(_SPACE_PUNCT) or None
        ref, tokens, recipient = self._subject(start + m.end(), end)
        return ref, tokens, recipient or via

    def _expand_institution(self, ref: SpeakerRef, position: int) -> SpeakerRef:
        """ "الصندوق", "الوزارة", "المرصد" alone: the fuller name the text
        gave earlier ("صندوق قطر للتنمية"), when no speaker matches it."""
        words = (ref.role or "").split()
        if len(words) != 1 or self.registry.by_role(ref.role):
            return ref
        definite = fold_chars(words[0])
        bare = strip_article(definite)
        limit = self._orig(position)
        for form in (bare, definite):
            pattern = re.compile(rf"(?<![\w])(?:[وبل]|لل)?{re.escape(form)}(?![\w])")
            matches = list(pattern.finditer(self.text, 0, min(len(self.text), position)))
            for m in reversed(matches[-20:]):
                tail = [t.group() for t in _TOKEN.finditer(self.text, m.end(), min(m.end() + 80, position))][
                    :6
                ]
                head = m.group()[len(m.group()) - len(form) :]
                parsed = parse_subject([head, *tail])
                phrase_tokens = [head, *tail][: parsed.split if parsed.name else len(tail) + 1]
                if len(phrase_tokens) > 1 and self._orig(m.start()) < limit:
                    start = m.end() - len(form)
                    last = list(_TOKEN.finditer(self.text, m.end(), min(m.end() + 80, position)))[
                        len(phrase_tokens) - 2
                    ]
                    return SpeakerRef(role=self._original(start, last.end()), institution=True)
        return ref

    def _is_recipient(self, word: str) -> bool:
        """ "لسبوتنيك", "لبي بي سي", "لـDW", "لـ(كونا)": a preposition ل
        joined to an outlet's name after the subject, not to a role's
        organization ("لمنظمة")."""
        if word == "ل" or (word[:1] == "ل" and len(word) > 1 and word[1:2].isascii()):
            return True
        if word[:1] != "ل" or word.startswith(("ال", "لل")) or len(word) < 4:
            return False
        rest = word[1:]
        return (
            rest not in lexicon.CONSTRUCT_HEADS
            and rest not in lexicon.TITLES
            and rest[:-1] not in lexicon.TITLES
            and rest[:-1] not in lexicon.CONSTRUCT_HEADS
        )

    def _subject_before(self, s: int, cs: int) -> SpeakerRef | None:
        """The subject written before the verb: "وكانت الخارجية الروسية قد
        أكدت", "أما رنا، وهي معلمة ...، فقالت", "الكرملين، من جهته، أكد"."""
        lead = max(s, cs - 160)
        m = lexicon.SUBJECT_BEFORE_RE.search(self.text, lead, cs) or lexicon.TOPIC_RE.search(
            self.text, lead, cs
        )
        if m:
            start, end = m.start("subject"), m.end("subject")
        else:
            start, end = s, cs
            while start < end and self.text[start] in _TRAILING:
                start += 1
        ref, tokens, _recipient = self._subject(start, end)
        if not m and (len(tokens) > 6 or any(self.text[a:b] in lexicon.VERB_WORDS for a, b in tokens)):
            return None
        return ref if ref.name or ref.role else None

    def _quote_before(self, s, e, cs, ce, kind, verb, next_cue) -> _Found | None:
        """ "«...»، قال المتحدث": a verb right after a quotation."""
        if kind != "verb":
            return None
        e = min(e, next_cue)
        quote = self._last_quote_before(s, cs)
        if quote is None:
            return None
        if self.text[quote.close + 1 : cs].strip(_SPACE_PUNCT + "\n"):
            return None
        ref, _tokens, recipient = self._subject(ce, e)
        if not (ref.name or ref.role):
            ref = None
        start, end = quote.content
        return _Found(start, end, "direct", ref, self._original(cs, ce), recipient)

    def _recipient_after(self, position: int, e: int) -> str | None:
        """ "…”، نقلتها وكالة تاس" after a quotation."""
        m = lexicon.RECIPIENT_RE.search(self.text, position, min(e, position + 120))
        if m and m.group("via"):
            return self._original(m.start("via"), m.end("via")).strip()
        return None

    def _according(self, s, e, cs, ce, next_cut) -> _Found | None:
        """ "بحسب X، ..." before the statement, or "...، بحسب X" after it."""
        lead = self.text[s:cs].strip(_SPACE_PUNCT + "\n")
        if not lead or lead in ("و", "ف"):
            comma = re.compile(r"[،,]").search(self.text, ce, min(e, ce + 140))
            if comma is None:
                return None
            ref, _tokens, recipient = self._subject(ce, comma.start())
            body = comma.end()
            fa = lexicon.FA_INNA_RE.match(self.text, body, e)
            if fa:
                body = fa.end()
            q = self._quote_at(body, 20)
            if q is not None and q.close <= e:
                start, end = q.content
                kind = "direct"
            else:
                start, end = self._trim(body, next_cut)
                kind = "indirect"
        else:
            relayed = re.search(r"(?<!\w)عن(?!\w)", self.text[ce:e])
            # "حسب ما نقلت صحيفة القبس عن مصدر مسؤول": the original source
            ref, _tokens, recipient = self._reported_via(ce, e) if relayed else self._subject(ce, e)
            start, end = self._trim(s, cs)
            quote = self._last_quote_before(start, end + 1)
            kind = "indirect"
            if (
                quote is not None
                and not self.text[start : quote.open].strip(_SPACE_PUNCT)
                and not self.text[quote.close + 1 : cs].strip(_SPACE_PUNCT)
            ):
                start, end = quote.content
                kind = "direct"
        if not (ref.name or ref.role) or end - start < 6:
            return None
        return _Found(start, end, kind, ref, self._original(cs, ce), recipient)


def source_outlet(text: str) -> str | None:
    """The outlet named by a closing "المصدر: ..." line, if any."""
    tail = text[-300:]
    matches = list(lexicon.SOURCE_LINE_RE.finditer(tail))
    return matches[-1].group("outlet").strip() if matches else None


@functools.lru_cache(maxsize=1024)
def _verb_gender(cue: str) -> str | None:
    """ "f" for a feminine verb (قالت، تقول، أضافت), "m" for a masculine one,
    None when the cue is not a verb (بحسب, a participle)."""
    verb = fold_chars(cue).split()[-1] if cue else ""
    if verb[:1] in "وف" and fold_chars(verb[1:]) in lexicon.VERB_WORDS:
        verb = verb[1:]
    if verb not in lexicon.VERB_WORDS:
        return None
    if verb.endswith("ت") or verb.startswith("ت"):
        return "f"
    return "m"


def _speaker_gender(speaker, cue: str) -> str | None:
    """A person's grammatical gender: from the title ("المتحدثة" is a woman,
    "المتحدث" a man, whatever the verb says: copy has typos), else from the
    verb that introduced them. Institutions have none."""
    if speaker.kind != "person":
        return None
    for word in (speaker.role or "").split()[:2]:
        bare = strip_article(fold_chars(word))
        if bare in lexicon.TITLES:
            return "f" if bare.endswith("ه") and bare[:-1] in lexicon.TITLES else "m"
    return _verb_gender(cue)


def _is_title_word(word: str) -> bool:
    folded = fold_chars(word)
    bare = strip_article(folded)
    return bare in lexicon.TITLES or bare in lexicon.CONSTRUCT_HEADS or (bare[:-1] in lexicon.TITLES)


def segment_has_name(words: list[str]) -> bool:
    """Does a comma-free subject phrase end in a person's name? ("الخبير في
    علم الزلازل بجامعة أنقرة التقنية الدكتور أوزان شاهين")."""
    cut = [
        w for w in words if fold_chars(w) not in lexicon.ADJUNCT_WORDS or fold_chars(w) in _ROLE_PREPOSITIONS
    ]
    ref = parse_subject(cut)
    return bool(ref.role and ref.name and len(words) - ref.split <= 4)
