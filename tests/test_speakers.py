"""claimtrack.SpeakerRegistry: references resolved within one document."""

from __future__ import annotations

from claimtrack import SpeakerRef, SpeakerRegistry


def test_surname_title_and_continuation():
    registry = SpeakerRegistry(organization_of=lambda role: "CSTO" if role and "CSTO" in role else None)
    zas = registry.resolve(SpeakerRef(name="Stanislav Zas", role="CSTO secretary general"))
    assert zas.organization == "CSTO"
    assert registry.resolve(SpeakerRef(name="Zas")) is zas
    assert registry.resolve(SpeakerRef(role="secretary general")) is zas
    dujarric = registry.resolve(SpeakerRef(name="Stephane Dujarric", role="UN spokesman"))
    assert registry.resolve(SpeakerRef()) is dujarric  # "he added"
    assert zas.aliases == ["Zas", "secretary general"]


def test_surname_first_then_full_name_upgrades():
    registry = SpeakerRegistry()
    first = registry.resolve(SpeakerRef(name="Peskov"))
    again = registry.resolve(SpeakerRef(name="Dmitry Peskov"))
    assert again is first and first.name == "Dmitry Peskov" and "Peskov" in first.aliases


def test_institutions_and_unknown_titles():
    registry = SpeakerRegistry()
    ministry = registry.resolve(SpeakerRef(role="health ministry", institution=True))
    assert (ministry.kind, ministry.name, ministry.organization) == (
        "institution",
        "health ministry",
        "health ministry",
    )
    assert registry.resolve(SpeakerRef(role="ministry")) is ministry
    minister = registry.resolve(SpeakerRef(role="foreign minister"))
    assert (minister.kind, minister.name, minister.role) == ("person", "foreign minister", "foreign minister")
    assert registry.resolve(SpeakerRef()) is minister


def test_empty_registry_continuation_is_none():
    assert SpeakerRegistry().resolve(SpeakerRef()) is None


def test_surname_with_the_article_is_not_a_title():
    """ "وأضاف الحداد" after "وزير الطاقة سليم الحداد": a definite surname,
    read as a one-word role, still points to the person."""
    registry = SpeakerRegistry()
    minister = registry.resolve(SpeakerRef("سليم الحداد", "وزير الطاقة"))
    assert registry.resolve(SpeakerRef(role="الحداد")) is minister
    assert "الحداد" in minister.aliases
    # a one-word role nobody is named after is still a role
    other = registry.resolve(SpeakerRef(role="المتحدث"))
    assert other is not minister and other.role == "المتحدث"


def test_surname_with_the_article_in_an_article():
    from claimtrack import Document, extract

    text = (
        "قال وزير الطاقة سليم الحداد إن الإنتاج سيرتفع إلى 4500 ميغاواط.\n\n"
        "وأضاف الحداد أن ساعات التقنين ستنخفض.\n"
    )
    claims = extract(Document(text=text, language="ar")).claims
    assert [c.speaker.name for c in claims] == ["سليم الحداد", "سليم الحداد"]
