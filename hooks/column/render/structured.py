"""schema.org JSON-LD for organization (``NGO``), venue (``Place``) and story (``Article``) pages.

Events (``render.jsonld``) and trainings (``render.training_ld``) have their own; all
share :func:`render.jsonld.tag` for the script element. URLs are absolute (from
``site_url``), as schema.org asks; text from Markdown fields is plain text.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from markupsafe import Markup

from ..model.org import Org
from ..model.story import Story
from ..model.venue import Venue
from . import jsonld, urls
from .env import Settings
from .training_ld import plain

CONTEXT = "https://schema.org"
USCC = "统一社会信用代码"
RECORD_ID = "专栏组织编号"
"""Identifier of an organization with no 统一社会信用代码 (备案 only): its record id on the column."""


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out properties without a value (schema.org readers prefer absent to empty)."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def org_data(org: Org, settings: Settings) -> dict[str, Any]:
    """An ``NGO`` with its identifier, address and contact point."""
    page = urls.absolute(settings.site_url, urls.org(org.id))
    reg = org.registration
    identifier = ({"@type": "PropertyValue", "propertyID": USCC, "value": reg.uscc} if reg.uscc else
                  {"@type": "PropertyValue", "propertyID": RECORD_ID, "value": org.id})
    contact = org.contact
    return _compact({
        "@context": CONTEXT, "@type": "NGO", "@id": page + "#org", "url": page, "name": org.name,
        "alternateName": org.short_name if org.short_name != org.name else None,
        "description": plain(org.description), "identifier": identifier,
        "address": jsonld.postal_address(contact.address, settings) if contact.address else None,
        "contactPoint": _compact({"@type": "ContactPoint", "contactType": "咨询", "telephone": contact.phone,
                                  "email": contact.email, "url": contact.website, "availableLanguage": "zh-CN"}),
        "foundingDate": org.founded.isoformat() if org.founded else None,
        "logo": urls.absolute(settings.site_url, org.logo.src) if org.logo else None,
        "knowsAbout": list(org.areas), "areaServed": list(org.streets),
        "memberOf": {"@type": "Organization", "name": org.member_of} if org.member_of else None,
        "award": [f"{h.title}（{h.year}）" for h in org.honours],
    })


def venue_data(venue: Venue, settings: Settings) -> dict[str, Any]:
    """A ``Place`` with its address, coordinates, capacity, telephone and opening hours.

    Who runs it is said on the page, not here: schema.org's ``Place`` has no property for it.
    """
    page = urls.absolute(settings.site_url, urls.venue(venue.id))
    return _compact({
        "@context": CONTEXT, "@type": "Place", "@id": page + "#place", "url": page, "name": venue.name,
        "description": plain(venue.description) if venue.description else None,
        "address": jsonld.postal_address(venue.address, settings), "telephone": venue.phone,
        "geo": {"@type": "GeoCoordinates", "longitude": venue.location[0], "latitude": venue.location[1]}
        if venue.location else None,
        "maximumAttendeeCapacity": venue.capacity,
        "amenityFeature": [{"@type": "LocationFeatureSpecification", "name": f, "value": True} for f in venue.facilities],
        "openingHoursSpecification": [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"{CONTEXT}/{_DAYS[d]}" for d in h.weekdays],
             "opens": h.open.strftime("%H:%M"), "closes": h.close.strftime("%H:%M")} for h in venue.hours],
        "photo": [urls.absolute(settings.site_url, p.src) for p in venue.photos],
        "containedInPlace": {"@type": "Place", "name": venue.street} if venue.street else None,
        "publicAccess": True,
        "isAccessibleForFree": True,
    })


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def story_data(story: Story, orgs: Mapping[str, Org], settings: Settings) -> dict[str, Any]:
    """An ``Article`` (a 风采 story) about the organizations it names."""
    page = urls.absolute(settings.site_url, urls.story(story.id))
    publisher = {"@type": "Organization", "name": settings.site_name, "url": settings.site_url}
    return _compact({
        "@context": CONTEXT, "@type": "Article", "@id": page + "#article", "url": page, "mainEntityOfPage": page,
        "headline": story.title, "description": story.description, "datePublished": story.date.isoformat(),
        "articleSection": list(story.categories), "inLanguage": "zh-CN",
        "image": urls.absolute(settings.site_url, story.cover.src) if story.cover else None,
        "author": publisher, "publisher": publisher,
        "about": [_org_ref(orgs, org_id, settings) for org_id in story.orgs if org_id in orgs],
    })


def _org_ref(orgs: Mapping[str, Org], org_id: str | None, settings: Settings) -> dict[str, Any] | None:
    if not org_id or org_id not in orgs:
        return None
    return {"@type": "NGO", "name": orgs[org_id].name, "url": urls.absolute(settings.site_url, urls.org(org_id))}


def org_script(org: Org, settings: Settings) -> Markup:
    return jsonld.tag(org_data(org, settings))


def venue_script(venue: Venue, settings: Settings) -> Markup:
    return jsonld.tag(venue_data(venue, settings))


def with_articles(decorations: dict[str, tuple[str, str]], stories: Iterable[Story], orgs: Mapping[str, Org],
                  settings: Settings) -> dict[str, tuple[str, str]]:
    """Each story's decorations with its ``Article`` script appended after the story (below the excerpt mark)."""
    result = dict(decorations)
    for story in stories:
        before, after = result.get(story.src_uri, ("", ""))
        result[story.src_uri] = (before, f"{after}\n\n{jsonld.tag(story_data(story, orgs, settings))}\n")
    return result
