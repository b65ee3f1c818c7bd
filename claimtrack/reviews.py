"""Fact-check verdicts: storing them, marking claims that repeat an already
reviewed claim, and answering "has this been checked already?".

A review is stored on a claim. A cluster review is stored on the claim it was
given through (the cluster's earliest claim when given a cluster id) with
``scope`` 'cluster', so it covers whatever cluster that claim is in after any
relinking.
"""

from __future__ import annotations

import functools
import math
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import sqlite_utils
from rapidfuzz import fuzz, process

from claimtrack.model import Review
from claimtrack.normalize import light_stem, normalize
from claimtrack.pipeline import detect_language, find_figures, normalize_text
from claimtrack.ratings import BEST_RATING, RATING_VALUES, WORST_RATING, get_ratings
from claimtrack.store import atomic, save_review

_ID = re.compile(r"^[0-9a-f]{4,20}$")


class ReviewError(ValueError):
    """A review that cannot be stored as asked (unknown id or rating)."""


def resolve_target(db: sqlite_utils.Database, target: str) -> tuple[str, str]:
    """The claim a review of ``target`` is stored on, and the scope: a claim
    id gives that claim; a cluster id gives the cluster's earliest claim and
    scope 'cluster'. Unique id prefixes (at least 4 characters) are accepted."""
    target = target.strip().lower()
    if not _ID.match(target):
        raise ReviewError(f"not a claim or cluster id: {target!r}")
    claims = [
        r[0] for r in db.execute("SELECT id FROM claims WHERE id >= ? AND id < ? LIMIT 2", _range(target))
    ]
    clusters = [
        r[0] for r in db.execute("SELECT id FROM clusters WHERE id >= ? AND id < ? LIMIT 2", _range(target))
    ]
    found = [(c, "claim") for c in claims] + [(c, "cluster") for c in clusters]
    if not found:
        raise ReviewError(f"no claim or cluster with id {target!r}")
    if len(found) > 1:
        raise ReviewError(f"id prefix {target!r} is ambiguous; give more characters")
    found_id, scope = found[0]
    if scope == "claim":
        return found_id, "claim"
    anchor = db.execute(
        "SELECT claims.id FROM claims JOIN documents ON documents.id = claims.document_id "
        "WHERE claims.cluster_id = ? ORDER BY documents.published IS NULL, documents.published, claims.id "
        "LIMIT 1",
        [found_id],
    ).fetchone()
    if anchor is None:
        raise ReviewError(f"cluster {found_id} has no claims")
    return anchor[0], "cluster"


def _range(prefix: str) -> list[str]:
    return [prefix, prefix + "g"]  # every hex id starting with prefix sorts in [prefix, prefix+"g")


def build_review(
    rating: str,
    scale: str | None = None,
    rating_value: float | None = None,
    best_rating: float | None = None,
    worst_rating: float | None = None,
    **fields: str | None,
) -> Review:
    """A Review with its rating placed on the scale: ``scale`` when given,
    else the label table (:mod:`claimtrack.ratings`, with plugins' labels),
    else the numeric value within its range. Raises ReviewError when none
    of those places it."""
    ratings = get_ratings()
    normalized = scale or ratings.scale_of(rating)
    if normalized is None and rating_value is not None:
        normalized = ratings.from_value(rating_value, best_rating, worst_rating)
    if normalized is None:
        raise ReviewError(
            f"unknown rating {rating!r}: give its scale (--scale) or map it with register_rating_labels"
        )
    if rating_value is None and normalized in RATING_VALUES:
        rating_value, best_rating, worst_rating = RATING_VALUES[normalized], BEST_RATING, WORST_RATING
    return Review(
        rating=rating,
        rating_normalized=normalized,
        rating_value=rating_value,
        best_rating=best_rating,
        worst_rating=worst_rating,
        **fields,
    )


def add_review(db: sqlite_utils.Database, target: str, review: Review) -> str:
    """Store ``review`` on the claim or cluster ``target`` and mark the
    claims it covers. Returns the review id."""
    claim_id, scope = resolve_target(db, target)
    review.scope = scope
    with atomic(db):
        review_id = save_review(db, claim_id, review)
        mark_checked(db)
    return review_id


def mark_checked(db: sqlite_utils.Database) -> int:
    """Set ``claims.checked_by`` on every claim that is reviewed or linked
    with a reviewed claim (the newest review wins), clearing marks that no
    longer hold. Run after linking; returns how many claims are marked."""
    reviewed = db.execute(
        "SELECT reviews.id, claims.id, claims.cluster_id FROM reviews "
        "JOIN claims ON claims.id = reviews.claim_id "
        "ORDER BY coalesce(reviews.reviewed_on, ''), reviews.created_at, reviews.id"
    ).fetchall()
    marks: dict[str, str] = {}
    for review_id, claim_id, cluster_id in reviewed:  # oldest first: newer ones overwrite
        marks[claim_id] = review_id
        if cluster_id:
            for (member,) in db.execute("SELECT id FROM claims WHERE cluster_id = ?", [cluster_id]):
                marks[member] = review_id
    with atomic(db):
        db.execute("UPDATE claims SET checked_by = NULL WHERE checked_by IS NOT NULL")
        db.conn.executemany(
            "UPDATE claims SET checked_by = ? WHERE id = ?", [(r, c) for c, r in marks.items()]
        )
    return len(marks)


@dataclass
class Match:
    """A reviewed claim similar to the text asked about."""

    review_id: str
    score: float
    claim_id: str
    text: str
    rating: str
    rating_normalized: str
    reviewer: str | None
    url: str | None
    reviewed_on: str | None

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


# --------------------------------------------------------------------------
# "Has this been checked already?"
#
# Posts that repeat a checked claim are long and noisy (links, @handles,
# hashtags, emoji, dialect), while the claim as a fact-checker wrote it is
# short. So a reviewed claim ranks high when the post covers *its* rare
# words, above all when it also states the claim's figure: near-duplicate
# claims often differ only in a number, a place or an actor.

#: A post's links, @handles and hashtag marks: not what it claims.
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<!\w)@\w+")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: A word or a number; "بـ500" (normalized "ب500") is the clitic and 500.
_WORD = re.compile(r"\d+|[^\W\d]+")
_ARABIC_START = re.compile("^[\u0621-\u064a]")

#: Function words (MSA and common dialect ones, English), and words posts use
#: to frame a claim rather than state it. Kept in their normalized form.
_STOP_WORDS = """
    the a an of to in on at for and or but is are was were be been being it its that this these those with
    as by from has have had will would said says say he she they we you i not no do does did so if than then
    there their them his her our your my me us about into over after before just now really all any more
    very can could should may might also what who which how when why here out up down off
    breaking rt via wow omg lol please share claim claims report reports reportedly post posts
    في من على علي الى الي إلى عن ان إن أن انه انها او أو ثم قد لقد كان كانت يكون هذا هذه ذلك تلك التي الذي
    الذين اللي مع بين عند قال وقال قالت اضاف وأضاف لا لم لن ما هل هو هي هم نحن انا
    مش مو شو ايش إيش وش هيك هلق هلا يعني بس كمان رح راح ح بدو بده عشان علشان دي ده دا هاد هاي
    صار صارت بقى يا جماعه ولا والله النهارده اليوم عاجل شاهد انشر شاركوا رسميا
"""
_STOP = frozenset(normalize(word) for word in _STOP_WORDS.split())

#: Arabic article and clitic combinations taken off a word (three letters
#: always kept), longest first; a lone conjunction و only before four
#: letters. Unlike :func:`claimtrack.normalize.light_stem`, a lone ب، ل، ف، ك
#: stays: "ليرة" and "لبنان" keep their first letter.
_AR_PREFIXES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
#: Arabic suffixes taken off (at most twice, three letters always kept):
#: plurals, pronouns, nisba and feminine endings, tanwin alef.
_AR_SUFFIXES = ("ات", "ون", "ين", "ها", "هم", "يه", "ه", "ي", "ا")
#: Dialect demonstrative prefix ("هالموسم" = this season).
_DIALECT_PREFIX = "هال"
#: English inflections taken off before the word is cut to six letters.
_EN_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s", "ly")
_EN_STEM_LENGTH = 6

#: How many reviewed claims the full-text index hands to the ranking.
_POOL = 50


def _clean_post(text: str) -> str:
    """The words of a post: links and @handles dropped, hashtags kept as
    words ("#محمد_صلاح" → "محمد صلاح", "#HarborBridge" → "Harbor Bridge").
    Emoji and punctuation go later, in normalization."""
    text = _MENTION.sub(" ", _URL.sub(" ", text))
    return _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)).replace("_", " ") + " ", text)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The form two wordings of a claim share: Arabic article, clitics and
    suffixes off (الانتخابات، والانتخاب → انتخاب); English inflections off
    and the word cut to six letters (vaccines, vaccinated → vaccin).
    Numbers stay whole."""
    if word.isdigit():
        return word
    if _ARABIC_START.match(word):
        prefix = next((p for p in _AR_PREFIXES if word.startswith(p) and len(word) - len(p) >= 3), "")
        if not prefix and word.startswith(_DIALECT_PREFIX) and len(word) >= 6:
            prefix = _DIALECT_PREFIX
        elif not prefix and word.startswith("و") and len(word) >= 5:
            prefix = "و"
        return _strip_arabic_suffixes(word[len(prefix) :])
    if word.isascii() and word.isalpha():
        suffix = next((s for s in _EN_SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3), "")
        word = word[: len(word) - len(suffix)]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
            word = word[:-1]  # banned → bann → ban
        if len(word) > 3 and word[-1] in "ey":
            word = word[:-1]  # price/prices/priced, study/studies
        return word[:_EN_STEM_LENGTH]
    return word


def _index_stem(word: str) -> str:
    """A prefix of the form the full-text index holds for ``word`` (its
    :func:`~claimtrack.normalize.light_stem`): what the index is asked for,
    to preselect candidates and to count how common a word is."""
    if _ARABIC_START.match(word):
        return _strip_arabic_suffixes(light_stem(word))
    return _stem(word)


def _strip_arabic_suffixes(word: str) -> str:
    for _ in range(2):
        suffix = next((s for s in _AR_SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3), None)
        if suffix is None:
            break
        word = word[: -len(suffix)]
    return word


def _terms(normalized: str) -> dict[str, str]:
    """The terms of a normalized text, each with its index stem: stems of
    its words and numbers; function words, framing words and stray letters
    ("بـ500" gives ب) left out."""
    terms: dict[str, str] = {}
    for word in _WORD.findall(normalized):
        if word in _STOP or light_stem(word) in _STOP or (len(word) < 2 and not word.isdigit()):
            continue
        terms.setdefault(_stem(word), _index_stem(word))
    return terms


@dataclass
class _Text:
    """A text as the ranking sees it: its normalized form, its terms (each
    with its index stem) and the values of its figures."""

    normalized: str
    terms: dict[str, str]
    values: frozenset[float]

    @classmethod
    def of(cls, normalized: str, values: Iterable[float | None]) -> _Text:
        return cls(normalized, _terms(normalized), frozenset(v for v in values if v is not None))


def check(db: sqlite_utils.Database, text: str, top: int = 5, language: str | None = None) -> list[Match]:
    """The reviewed claims most like ``text``, best first, one per review.

    Candidates are every reviewed claim, every claim linked with one in a
    reviewed cluster, and the claim as the reviewer worded it. The full-text
    index picks the few that share most rare words with the text, so the
    ranking's work does not grow with the number of reviewed claims; they
    are then ranked by :func:`_scores`. Reviews sharing no word with the
    text are not listed.
    """
    cleaned = _clean_post(text)
    if top <= 0 or not cleaned.strip():
        return []
    language = language or detect_language(cleaned)
    figures = find_figures(cleaned, language)
    query = _Text.of(
        normalize_text(cleaned, language), [f.value for f in figures] + [f.value_max for f in figures]
    )
    if not query.terms and not query.values:
        return []
    candidates = _candidates(db, set(query.terms.values()))
    if not candidates:
        return []
    scores = _scores(query, [text for _, text in candidates], _document_frequency(db))
    best: dict[str, float] = {}
    for (review_id, _), score in zip(candidates, scores, strict=True):
        best[review_id] = max(best.get(review_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [_match(db, review_id, score) for review_id, score in ranked]


def _candidates(db: sqlite_utils.Database, terms: set[str]) -> list[tuple[str, _Text]]:
    """(review id, text) pairs to rank: the reviewed claims (and claims in
    reviewed clusters) the full-text index ranks best (BM25) for the index
    stems ``terms``, each a prefix query; and every reviewer's own wording
    of a claim (few reviews have one)."""
    pairs: list[tuple[str, _Text]] = []
    if terms:
        expression = " OR ".join(_prefix_query(t) for t in sorted(terms))
        hits = db.execute(
            "SELECT c.id, c.normalized, c.cluster_id FROM claims_fts "
            "JOIN claims c ON c.rowid = claims_fts.rowid WHERE claims_fts MATCH ? "
            "AND (c.id IN (SELECT claim_id FROM reviews) OR c.cluster_id IN (SELECT k.cluster_id "
            "FROM reviews r JOIN claims k ON k.id = r.claim_id WHERE r.scope = 'cluster')) "
            "ORDER BY bm25(claims_fts) LIMIT ?",
            [expression, _POOL],
        ).fetchall()
        values = _figure_values(db, [claim_id for claim_id, _, _ in hits])
        texts = {claim_id: _Text.of(normalized, values.get(claim_id, ())) for claim_id, normalized, _ in hits}
        pairs.extend((review_id, texts[claim_id]) for review_id, claim_id in _reviews_of(db, hits))
    for review_id, worded, language in db.execute(
        "SELECT r.id, r.claim_reviewed, r.language FROM reviews r JOIN claims c ON c.id = r.claim_id "
        "WHERE r.claim_reviewed IS NOT NULL AND r.claim_reviewed != c.text"
    ):
        figures = find_figures(worded, language)
        pairs.append((review_id, _Text.of(normalize_text(worded, language), [f.value for f in figures])))
    return pairs


def _reviews_of(db: sqlite_utils.Database, hits: list[tuple[str, str, str | None]]) -> list[tuple[str, str]]:
    """(review id, claim id) for each review covering a hit claim: reviews
    of the claim itself, and cluster reviews of its cluster."""
    claims = [claim_id for claim_id, _, _ in hits]
    by_cluster: dict[str, list[str]] = {}
    for claim_id, _, cluster_id in hits:
        if cluster_id:
            by_cluster.setdefault(cluster_id, []).append(claim_id)
    found = db.execute(
        f"SELECT id, claim_id FROM reviews WHERE claim_id IN ({','.join('?' * len(claims))})", claims
    ).fetchall()
    if by_cluster:
        clusters = list(by_cluster)
        for review_id, cluster_id in db.execute(
            "SELECT r.id, k.cluster_id FROM reviews r JOIN claims k ON k.id = r.claim_id "
            f"WHERE r.scope = 'cluster' AND k.cluster_id IN ({','.join('?' * len(clusters))})",
            clusters,
        ):
            found.extend((review_id, claim_id) for claim_id in by_cluster[cluster_id])
    return sorted(set(found))


def _figure_values(db: sqlite_utils.Database, claim_ids: list[str]) -> dict[str, list[float]]:
    """The stored figure values (and upper bounds of ranges) of each claim."""
    values: dict[str, list[float]] = {}
    if claim_ids:
        marks = ",".join("?" * len(claim_ids))
        for claim_id, value, value_max in db.execute(
            f"SELECT claim_id, value, value_max FROM figures WHERE claim_id IN ({marks})", claim_ids
        ):
            values.setdefault(claim_id, []).extend(v for v in (value, value_max) if v is not None)
    return values


def _prefix_query(term: str) -> str:
    """The full-text query for an index stem: the words it begins, or the
    very number or short word."""
    return f'"{term}"*' if len(term) >= 3 and not term.isdigit() else f'"{term}"'


def _document_frequency(db: sqlite_utils.Database) -> Callable[[str], float]:
    """Inverse document frequency of an index stem over every stored claim,
    cached for one query. Read from the full-text index's vocabulary (a stem
    counts the claims of every word it begins), or, on a connection that
    cannot create the temporary vocabulary table, counted with a match."""
    try:
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_VOCAB} USING fts5vocab(main, claims_fts, row)")
        vocabulary = True
    except sqlite3.OperationalError:  # a read-only connection
        vocabulary = False
    total = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    cache: dict[str, float] = {}

    def idf(term: str) -> float:
        if term not in cache:
            prefix = _prefix_query(term).endswith("*")
            if not vocabulary:
                sql, params = (
                    "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?",
                    [_prefix_query(term)],
                )
            elif prefix:
                sql = f"SELECT sum(doc) FROM temp.{_VOCAB} WHERE term >= ? AND term < ?"
                params = [term, term + "\U0010ffff"]
            else:
                sql, params = f"SELECT doc FROM temp.{_VOCAB} WHERE term = ?", [term]
            found = (db.execute(sql, params).fetchone() or [0])[0] or 0
            cache[term] = math.log((total + 1) / (min(total, found) + 0.5))
        return cache[term]

    return idf


#: The full-text index's vocabulary (a temporary table of the connection).
_VOCAB = "claims_fts_vocab"


def _scores(query: _Text, candidates: list[_Text], idf: Callable[[str], float]) -> list[float]:
    """How well each candidate matches the query, 0–100.

    * coverage of the candidate: the share of its terms' weight (IDF) the
      query holds: a post that states all of a short claim's rare words;
    * coverage of the query: the share of the query's weight the candidate
      holds (the same denominator for every candidate, so this is the
      amount of rare evidence shared);
    * rapidfuzz's token-set ratio, which forgives reordering and extra words;
    * figures: a bonus when a figure of the candidate has a value the query
      states (in digits or words), a penalty when both state figures and
      none agree; either in proportion to how much of the candidate's words
      the query holds, so a figure only tells apart claims about the same
      thing (a near-duplicate with another number), never joins unrelated
      ones.
    """
    query_weights = {t: idf(stem) for t, stem in query.terms.items()}
    query_weight = sum(query_weights.values()) or 1.0
    fuzzy = process.cdist(
        [query.normalized], [c.normalized for c in candidates], scorer=fuzz.token_set_ratio, workers=1
    )[0]
    scores = []
    for candidate, ratio in zip(candidates, fuzzy, strict=True):
        shared = sum(query_weights[t] for t in candidate.terms if t in query_weights)
        own = sum(idf(stem) for stem in candidate.terms.values()) or 1.0
        score = 100 * (_W_CANDIDATE * min(1.0, shared / own) + _W_QUERY * shared / query_weight)
        score += _W_FUZZY * float(ratio)
        if candidate.values and query.values:
            words = [(t, stem) for t, stem in candidate.terms.items() if not t.isdigit()]
            same = sum(query_weights[t] for t, _ in words if t in query_weights)
            about = min(1.0, same / (sum(idf(stem) for _, stem in words) or 1.0))
            agree = any(math.isclose(a, b, rel_tol=1e-6) for a in candidate.values for b in query.values)
            score += (1 if agree else -1) * _FIGURE_BONUS * about
        scores.append(min(100.0, max(0.0, score)))
    return scores


_W_CANDIDATE, _W_QUERY, _W_FUZZY, _FIGURE_BONUS = 0.55, 0.25, 0.20, 10.0


def _match(db: sqlite_utils.Database, review_id: str, score: float) -> Match:
    row = db.execute(
        "SELECT r.id, c.id, c.text, r.rating, r.rating_normalized, r.reviewer, r.url, r.reviewed_on "
        "FROM reviews r JOIN claims c ON c.id = r.claim_id WHERE r.id = ?",
        [review_id],
    ).fetchone()
    review_id, claim_id, text, rating, normalized, reviewer, url, reviewed_on = row
    return Match(review_id, round(score, 1), claim_id, text, rating, normalized, reviewer, url, reviewed_on)
