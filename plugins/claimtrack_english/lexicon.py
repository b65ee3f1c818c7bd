"""The words English attribution is built from: reporting verbs in their
tenses, titles, institutions, and the adjuncts between a verb and what was
said ("in a statement", "on Friday", "told TASS")."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Base forms; past, third person and -ing forms are generated.
_VERBS = """
say tell add stress warn deny announce note explain insist claim argue confirm report write
tweet declare state assert acknowledge admit estimate predict urge reiterate emphasize emphasise
underline maintain allege suggest reply respond recall conclude continue observe remark comment
caution concede disclose reveal point_out go_on told_reporters describe term dub label characterize
characterise call
"""
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing"),
    "go_on": ("went_on", "goes_on", "going_on"),
    "point_out": ("pointed_out", "points_out", "pointing_out"),
}


def _forms(verb: str) -> tuple[str, str, str]:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2] not in "aeiou":
        past, third = verb[:-1] + "ied", verb[:-1] + "ies"
    else:
        past, third = (
            (verb + "d" if verb.endswith("e") else verb + "ed"),
            (verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s"),
        )
    if verb in ("admit", "commit"):
        past = verb + "ted"
    return past, third, stem + "ing"


_ALL = [v for v in _VERBS.split() if v != "told_reporters"]
PAST = frozenset(_forms(v)[0].replace("_", " ") for v in _ALL)
PRESENT = frozenset(_forms(v)[1].replace("_", " ") for v in _ALL)
PARTICIPLES = frozenset(_forms(v)[2].replace("_", " ") for v in _ALL)
#: Plural present forms ("Analysts say", "figures show"): only these, as
#: base forms are common words otherwise.
PLURAL_PRESENT = frozenset(
    {"say", "tell", "warn", "argue", "believe", "claim", "insist", "note", "estimate", "show"}
)
VERBS = PAST | PRESENT | PLURAL_PRESENT | frozenset({"showed", "shows", "shown", "believes", "believed"})


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


#: A reporting verb (past or present, or "has said").
#: First words of the reporting verbs (and of "has said"): a word scan
#: looks these up before the pattern is tried.
VERB_STARTS = frozenset(v.split()[0].lower() for v in VERBS) | {"has", "have", "had", "would", "will"}
VERB_RE = re.compile(
    rf"\b(?:(?:has|have|had|would|will)\s+(?:also\s+)?)?(?P<verb>{_alternation(VERBS)})\b", re.IGNORECASE
)
#: ", adding that ...": a further statement by the same speaker.
PARTICIPLE_RE = re.compile(
    rf"[,;]\s*(?:and\s+)?(?P<verb>{_alternation(PARTICIPLES)})(?:\s+that\b|\s*:)?", re.IGNORECASE
)
ACCORDING_RE = re.compile(r"\b(?P<verb>according\s+to|citing|quoting)\s+", re.IGNORECASE)

#: Between the verb and the statement: whom it was told to, where and when.
ADJUNCT_RE = re.compile(
    r"""\s*(?:,\s*)?(?:
        (?:in|during|at|after|on|late\s+on|early\s+on|later\s+on|earlier\s+on)\s+
            (?:a|an|the|his|her|their|its)?\s*(?:joint\s+|brief\s+|written\s+|separate\s+)?
            (?:statement|interview|televised\s+address|address|speech|briefing|news\s+conference|press\s+conference
               |conference|meeting|remarks|message|post|letter|tweet|video|call|phone\s+call|session|summit|report)
            (?:\s+(?:with|to|on|at|for|posted|published|released|carried)\s+(?:the\s+)?[\w\-.'’]+(?:\s+[A-Z0-9][\w\-.'’]*)*)?
      | (?:on|by|late|early|earlier|later|last|this)\s+(?:on\s+)?
            (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday
            |Jan\.?|January|Feb\.?|February|March|April|May|June|July|Aug\.?|August|Sept?\.?|September|Oct\.?|October
            |Nov\.?|November|Dec\.?|December|week|month|year|night|morning|afternoon|evening)(?:\s+\d{1,2})?
      | (?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
            \s+(?:morning|afternoon|evening|night)
      | (?:today|tonight|yesterday|earlier|later|separately|also|again|previously|recently
            |publicly|repeatedly|then)
      | (?:to|in\s+comments\s+to|in\s+remarks\s+to)\s+
            (?:reporters|journalists|the\s+press|lawmakers|parliament|Reuters|AFP|TASS|RIA\s+Novosti)
      | on\s+condition\s+of\s+anonymity
      | (?:in|at)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}(?=\s*(?:,|\.|$|that\b|on\b|in\b))
      | (?:via|on|in)\s+
            (?:X|Twitter|Telegram|Facebook|social\s+media|state\s+television|state\s+TV|television)
    )""",
    re.VERBOSE,
)
#: After "told": the recipient ("told TASS", "told a news conference").
TOLD_RE = re.compile(
    r"\s+(?P<to>(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w\-.'’]*|reporters|journalists|lawmakers|parliament|news\s+conference"
    r"|press\s+conference|briefing|crowd|audience|media|broadcaster|television|radio)"
    r"(?:\s+(?:[A-Z0-9][\w\-.'’]*|news\s+conference|conference|agency|newspaper|television|channel|broadcaster))*)"
)
INTERVIEW_RE = re.compile(
    r"\b(?:in\s+an\s+interview\s+with|speaking\s+to|in\s+comments\s+to|in\s+remarks\s+to|told)\s+"
    r"(?P<to>(?:the\s+)?[A-Z][\w\-.'’]*(?:[\s-]+[A-Z0-9][\w\-.'’]*)*)"
)
THAT_RE = re.compile(r"\s*(?:,\s*)?that\b\s*", re.IGNORECASE)

#: Titles and roles, lower case (they may also appear capitalized).
TITLES = _words(
    """spokesman spokeswoman spokesperson minister secretary general president official officials head
    chief director ambassador envoy commander governor mayor analyst expert source sources lawmaker
    senator deputy prime foreign defense defence interior health finance economy leader chairman
    chairwoman chair representative adviser advisor coordinator secretary-general premier chancellor
    king queen prince emir sheikh coach captain manager ceo founder professor researcher economist
    doctor dr. officer colonel col. gen. general lt. major maj. sgt. captain capt. rep. sen. gov. mr.
    mrs. ms. judge prosecutor attorney lawyer vice acting former top senior deputy-head press diplomat
    negotiator mediator monitor observer commissioner administrator inspector rapporteur lieutenant
    brigadier marshal admiral pope cardinal archbishop imam mufti patriarch"""
)
#: Nouns that make a subject an institution.
INSTITUTIONS = _words(
    """administration agency airforce alliance army assembly association authorities authority bank board
    broadcaster bureau cabinet center centre channel charity club coalition coastguard command
    commission committee company consulate consultancy corporation council court data department
    directorate embassy exchange federation figures firm forces foundation fund government group guard
    headquarters hospital institute kremlin league media military ministries ministry mission movement
    nations navy network newspaper observatory office organisation organization parliament party
    pentagon police poll presidency regulator report results secretariat service side station study
    survey team treaty union university watchdog"""
)
#: Words that never belong to a subject phrase ("on Monday said").
NP_STOP = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today
    yesterday this that these those there here it its we our"""
)
HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. sir madam")
#: Lower-case particles inside names: "Saleh al-Marwani", "Mohammed bin Salman".
NAME_PARTICLE_RE = re.compile(
    r"(?:al|el|as|ad|ash|at|az|ar|an|ul)-[A-Z]|(?:bin|bint|ibn|abu|van|von|de|der|da|di|du|la|le)$"
)
#: Verbs whose reported clause may come without "that" ("Zas said the force
#: would grow"); the others ("declared a state of emergency") need "that".
THAT_OPTIONAL = _words(
    """said says told tells added adds stressed warned warns insisted argued claimed noted explained predicted
    believes believed thinks thought estimated suggested maintained reiterated emphasised emphasized
    acknowledged admitted conceded recalled replied responded wrote writes tweeted posted say tell warn argue
    believe claim insist note estimate show showed shows"""
)
#: "described the vote as "well organised"": the quotation is the claim.
DESCRIBING = _words(
    "described describes describing called calls termed labelled labeled dubbed characterised characterized"
)
#: ", and expressed hope that": a second statement by the same speaker.
AND_VERB_RE = re.compile(
    r",?\s+(?:and|but|although|though|while)\s+(?:he|she|they|it\s+)?\s*(?:also\s+)?"
    r"(?P<verb>(?:said|added|stressed|warned|insisted|noted|claimed|argued|cautioned)"
    r"|expressed\s+(?:hope|confidence|concern|regret)|voiced\s+(?:hope|concern)|that\b)(?:\s+that\b)?",
    re.IGNORECASE,
)
#: A dateline opening a story: "CAIRO, March 22 (Reuters) -", "RIYADH:".
DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*"
    r"(?:\([A-Za-z .]{2,30}\))?\s*(?:--|-|—|–|:)\s+"
)
#: "a source familiar with the negotiations", "two officials who spoke on
#: condition of anonymity": anonymous sources described by a clause.
SOURCE_PHRASE_RE = re.compile(
    r"(?:^|\s)(?P<who>(?:(?:a|an|one|two|three|several|some)\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:source|sources|officials?|person|people|diplomats?|banker|executive|insiders?))"
    r"(?:\s+(?:familiar\s+with|with\s+knowledge\s+of|close\s+to|briefed\s+on|at|in|from)\s+[^,]{2,80}?)?"
    r"(?:,?\s+who\s+(?:spoke|asked|declined|requested|was|were)\b[^,]{0,80})?,?\s*$",
    re.IGNORECASE,
)
#: "…, Zas said on Tuesday, as the OPEC member presses ahead": a clause that
#: follows an attribution without being the statement.
SUBORDINATE_RE = re.compile(
    r"\s*,\s*(?:as|while|after|when|amid|with|before|since|because|following)\b", re.I
)
#: Footers that are not statements: "(Reporting by …; Editing by …)".
FOOTER_RE = re.compile(r"\(?\s*(?:Reporting|Writing|Editing|Additional\s+reporting)\s+by\b")
ANONYMOUS = _words("source sources officials witnesses residents diplomats analysts observers activists")
PRONOUNS = _words("he she they it we i")
#: Small words allowed inside a subject phrase ("spokesman for the UN").
CONNECTORS = _words("of for the to at in on and 's")
ROLE_SYNONYMS = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "secretary-general": "general"}
#: Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = _words(
    """mr mrs ms dr gen lt col sgt capt maj sen rep gov pres st jan feb mar apr jun jul aug sep sept oct
    nov dec no vs etc inc ltd co corp jr sr u.s u.n u.k e.u a.m p.m mt ft approx est dept univ"""
)
