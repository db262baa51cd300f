"""schema.org Organization data for members, each a member of the cluster."""

from home.structured_data import SCHEMA_CONTEXT, organisation_reference, without_empty


def member_organisation(member, request, language):
    """An Organization for `member` (a `members.models.Member`), `memberOf` the cluster."""
    source = member.source
    address = without_empty(
        {
            "@type": "PostalAddress",
            "addressLocality": source.city,
            "addressRegion": source.get_province_display() if source.province else "",
            "addressCountry": "IT",
        }
    )
    return without_empty(
        {
            "@type": "Organization",
            "@id": f"{member.full_url}#organization",
            "name": member.record.name,
            "description": member.record.description,
            "url": source.website or member.full_url,
            "email": source.public_email,
            "address": address,
            "memberOf": organisation_reference(request, language),
        }
    )


def members_list(members, request, language):
    """JSON-LD for a page of the directory: an ItemList of Organizations."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": member_organisation(member, request, language),
            }
            for position, member in enumerate(members, start=1)
        ],
    }


def member_data(member, request, language):
    return {"@context": SCHEMA_CONTEXT, **member_organisation(member, request, language)}
