"""Resolving references to speakers within one document.

Agency copy names a speaker once in full ("CSTO Secretary General Stanislav
Zas", "الأمين العام لمنظمة معاهدة الأمن الجماعي، ستانيسلاف زاس") and then
refers back with a surname ("Zas", "زاس"), a shortened title ("the secretary
general", "الأمين العام للمنظمة") or nothing at all ("he added", "وأضاف أن").
:class:`SpeakerRegistry` keeps the speakers of one document in order and
points each later reference at the right one. It is language-neutral: an
extractor supplies how to compare roles (``role_key``) and how to find the
organization inside a role (``organization_of``).

Public API: ``claimtrack.SpeakerRef``, ``claimtrack.SpeakerRegistry``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from claimtrack.model import Speaker
from claimtrack.normalize import normalize

RoleKey = Callable[[str], tuple[str, frozenset[str]]]


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """The normalized words of a name. Cached: every lookup compares the
    name with each speaker seen so far in the document, and the same few
    names come back claim after claim."""
    return tuple(normalize(name).split())


@dataclass
class SpeakerRef:
    """What a subject phrase says about its speaker: a role ("الأمين العام
    لمنظمة ...", "UN spokesman"), a name, or both. ``split`` is the index of
    the first name token in the phrase's tokens; ``institution`` marks a
    ministry, army or agency speaking; ``anonymous`` a source such as "مصدر
    أمني" or "a security source"."""

    name: str | None = None
    role: str | None = None
    institution: bool = False
    anonymous: bool = False
    split: int = 0


_FUNCTION_WORDS = frozenset(("the", "a", "an", "of", "for", "to", "in", "at", "on", "and"))


def default_role_key(role: str) -> tuple[str, frozenset[str]]:
    """A role's head word and content words, for head-final languages like
    English: "the spokesman" and "UN spokesman" share the head "spokesman"."""
    words = [w for w in normalize(role.replace("'s", "")).split() if w not in _FUNCTION_WORDS]
    return (words[-1], frozenset(words)) if words else ("", frozenset())


class SpeakerRegistry:
    """The speakers of one document, most recent last."""

    def __init__(
        self,
        role_key: RoleKey = default_role_key,
        organization_of: Callable[[str | None], str | None] = lambda role: None,
    ) -> None:
        self.speakers: list[Speaker] = []
        self.last: Speaker | None = None
        self.role_key = role_key
        self.organization_of = organization_of

    def _touch(self, speaker: Speaker, alias: str | None = None) -> Speaker:
        if alias and alias != speaker.name and alias not in speaker.aliases:
            speaker.aliases.append(alias)
        self.last = speaker
        return speaker

    def by_name(self, name: str) -> Speaker | None:
        """A speaker already seen under this name, its surname, or (when the
        surname came first) a shorter form of it."""
        words = _name_words(name)
        for speaker in reversed(self.speakers):
            known = _name_words(speaker.name)
            if words == known:
                return speaker
            if len(words) == 1 and words[0] in known[1:]:
                return speaker  # a surname alone
            if len(words) > 1 and len(known) > 1 and words[-1] == known[-1] and words[0] == known[0]:
                return speaker
            if len(known) == 1 and len(words) > 1 and known[0] == words[-1] and speaker.role is None:
                # The surname was seen first, the full name now: upgrade.
                speaker.aliases.append(speaker.name)
                speaker.name = name
                return speaker
        return None

    def by_role(self, role: str) -> Speaker | None:
        """The most recent speaker whose role (or, for an institution or an
        anonymous source, name)
        has the same head word and contains (almost) every word of ``role``:
        "الأمين العام للمنظمة" ⊂ "الأمين العام لمنظمة معاهدة الأمن الجماعي"."""
        head, words = self.role_key(role)
        if not head:
            return None
        for speaker in reversed(self.speakers):
            for candidate in (speaker.role, speaker.name if speaker.kind != "person" else None):
                if not candidate:
                    continue
                c_head, c_words = self.role_key(candidate)
                if c_head == head and len(words - c_words) <= len(words) // 3:
                    return speaker
        return None

    def resolve(self, ref: SpeakerRef) -> Speaker | None:
        """The speaker ``ref`` points to, adding a new one when it names
        someone not seen yet. An empty ref continues the last speaker."""
        if ref.name:
            found = self.by_name(ref.name)
            if found:
                if ref.role and not found.role:
                    found.role = ref.role
                    found.organization = found.organization or self.organization_of(ref.role)
                return self._touch(found, ref.name)
            if ref.anonymous and (found := self.by_role(ref.name)):
                return self._touch(found, ref.name)  # "المصادر" after "مصادر دبلوماسية"
            kind = "institution" if ref.institution else "source" if ref.anonymous else "person"
            speaker = Speaker(ref.name, ref.role, self.organization_of(ref.role), kind)
            self.speakers.append(speaker)
            return self._touch(speaker)
        if ref.role:
            if not ref.institution and len(ref.role.split()) == 1:
                # One definite word may be a surname with its article
                # ("وأضاف الحداد" after "سليم الحداد"), not a title.
                found = self.by_name(ref.role)
                if found is not None and found.kind == "person":
                    return self._touch(found, ref.role)
            found = self.by_role(ref.role)
            if found:
                return self._touch(found, ref.role)
            if ref.institution:
                speaker = Speaker(ref.role, None, ref.role, "institution")
            else:
                speaker = Speaker(ref.role, ref.role, self.organization_of(ref.role), "person")
            self.speakers.append(speaker)
            return self._touch(speaker)
        return self.last
