"""The rules of RFC 5545 that a parser forgives but calendar clients may not."""

import re

from icalendar import Calendar

# RFC 5545 3.1: lines end in CRLF and are folded at 75 octets at most.
MAX_LINE_OCTETS = 75


def rfc5545_problems(body):
    """What in the iCalendar `body` (bytes) breaks RFC 5545; empty when nothing does."""
    problems = []
    if not body.endswith(b"\r\n"):
        problems.append("the last line does not end in CRLF")
    lines = body.split(b"\r\n")
    if lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > MAX_LINE_OCTETS:
            problems.append(f"line {number}: {len(line)} octets")
    if lines[:1] != [b"BEGIN:VCALENDAR"] or lines[-1:] != [b"END:VCALENDAR"]:
        problems.append("not one VCALENDAR from the first line to the last")
    calendar = Calendar.from_ical(body)
    # 3.6: PRODID and VERSION once, and at least one component.
    for name in ["PRODID", "VERSION"]:
        count = len(re.findall(rb"^" + name.encode() + rb"[:;]", body, flags=re.MULTILINE))
        if count != 1:
            problems.append(f"{name} {count} times")
    if calendar.get("VERSION") != "2.0":
        problems.append("VERSION is not 2.0")
    if not calendar.subcomponents:
        problems.append("no component")
    for event in calendar.walk("VEVENT"):
        for name in ["UID", "DTSTAMP", "DTSTART"]:
            if name not in event:
                problems.append(f"a VEVENT without {name}")
    for zone in calendar.walk("VTIMEZONE"):
        if "TZID" not in zone or not (zone.walk("STANDARD") or zone.walk("DAYLIGHT")):
            problems.append("a VTIMEZONE without TZID or observances")
    return problems
