"""The members spreadsheet: its columns, reading it (CSV or XLSX) and writing it back.

Text a spreadsheet would run as a formula is exported behind an apostrophe
(`operations.exports`), which the import takes off again.

The stable key of a member is its **slug** (the last part of its address in the
directory, e.g. `alfa-biotech-demo`): a row whose slug exists updates that member, a
new slug creates one. Import and export share the columns below, so an exported
file imports again without changing anything. docs/editing.md lists them.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from home.choices import MemberType, Province, Sector
from operations.exports import FORMULA_STARTS, neutralise

COLUMNS = [
    "slug",
    "name",
    "type",
    "sector",
    "province",
    "city",
    "joined_year",
    "website",
    "public_email",
    "listed",
    "pillars",
    "description",
]
REQUIRED = ("slug", "name")
YES = {"1", "yes", "y", "true", "si", "sì", "x"}
NO = {"0", "no", "n", "false"}
PILLAR_SEPARATOR = "|"


class SpreadsheetError(ValueError):
    """A file that cannot be read as a members spreadsheet at all."""


@dataclass
class Row:
    """One line of the file: its number (as a spreadsheet shows it), values, errors."""

    number: int
    raw: dict
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)


def read_rows(content, filename):
    """The rows of a CSV (UTF-8 with or without BOM, `,` or `;`) or XLSX file, as dicts."""
    if filename.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from error
        lines = [
            ["" if cell is None else _cell(str(cell)) for cell in line]
            for line in sheet.iter_rows(values_only=True)
        ]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(_("The file is not UTF-8 text.")) from error
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        lines = [
            [_cell(cell) for cell in line]
            for line in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    if not lines:
        raise SpreadsheetError(_("The file is empty."))
    header = [name.strip().lower() for name in lines[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise SpreadsheetError(
            _("The first line must name the columns; missing: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise SpreadsheetError(_("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not any(line):
            continue
        rows.append(
            Row(number, {name: value for name, value in zip(header, line, strict=False) if name})
        )
    return rows


def _cell(value):
    """A cell's text, without the apostrophe the export puts before a would-be formula."""
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _choice(row, column, choices, label):
    raw = row.raw.get(column, "")
    if raw == "":
        return ""
    for code, name in choices.choices:
        if raw.lower() in {code.lower(), str(name).lower()}:
            return code
    row.errors.append(
        _("unknown %(label)s “%(value)s” (accepted: %(codes)s)")
        % {"label": label, "value": raw, "codes": ", ".join(choices.values)}
    )
    return ""


def validate(rows, pillars_by_slug):
    """Fill each row's `values` or `errors`; slugs must be unique within the file."""
    seen = {}
    for row in rows:
        raw = row.raw
        slug = raw.get("slug", "")
        try:
            validate_slug(slug)
        except ValidationError:
            row.errors.append(_("the slug “%(value)s” is not valid") % {"value": slug})
        if slug in seen:
            row.errors.append(
                _("the slug “%(value)s” is already on line %(line)s")
                % {"value": slug, "line": seen[slug]}
            )
        seen.setdefault(slug, row.number)
        if not raw.get("name"):
            row.errors.append(_("the name is missing"))
        values = {
            "slug": slug,
            "name": raw.get("name", ""),
            "member_type": _choice(row, "type", MemberType, _("type")),
            "sector": _choice(row, "sector", Sector, _("sub-sector")),
            "province": _choice(row, "province", Province, _("province")),
            "city": raw.get("city", ""),
            "description": raw.get("description", ""),
            "website": raw.get("website", ""),
            "public_email": raw.get("public_email", ""),
        }
        if values["website"]:
            try:
                URLValidator(schemes=["http", "https"])(values["website"])
            except ValidationError:
                row.errors.append(
                    _("the website “%(value)s” is not a web address") % {"value": values["website"]}
                )
        if values["public_email"]:
            try:
                EmailValidator()(values["public_email"])
            except ValidationError:
                row.errors.append(
                    _("the e-mail “%(value)s” is not valid") % {"value": values["public_email"]}
                )
        year = raw.get("joined_year", "")
        if year.endswith(".0"):  # spreadsheets write whole numbers as floats
            year = year[:-2]
        if year and not (year.isdigit() and 2000 <= int(year) <= 2100):
            row.errors.append(
                _("the year of joining “%(value)s” is not a year from 2000 to 2100")
                % {"value": year}
            )
        values["joined_year"] = int(year) if year.isdigit() else None
        # An empty or missing "listed" means yes: hiding a member is said explicitly.
        listed = raw.get("listed", "").lower()
        if listed and listed not in YES | NO:
            row.errors.append(_("“listed” must be yes or no, not “%(value)s”") % {"value": listed})
        values["listed"] = listed not in NO
        pillars = []
        for pillar_slug in filter(
            None, (part.strip() for part in raw.get("pillars", "").split(PILLAR_SEPARATOR))
        ):
            if pillar_slug in pillars_by_slug:
                pillars.append(pillars_by_slug[pillar_slug])
            else:
                row.errors.append(
                    _("unknown area of work “%(value)s” (the areas are: %(slugs)s)")
                    % {"value": pillar_slug, "slugs": ", ".join(pillars_by_slug) or "—"}
                )
        values["pillars"] = pillars
        if len(values["name"]) > 200 or len(values["description"]) > 500:
            row.errors.append(_("the name or the description is too long"))
        row.values = values
    return rows


def member_row(member):
    """The columns of an Italian member record, as the import reads them."""
    return {
        "slug": member.slug,
        "name": member.name,
        "type": member.member_type,
        "sector": member.sector,
        "province": member.province,
        "city": member.city,
        "joined_year": member.joined_year or "",
        "website": member.website,
        "public_email": member.public_email,
        "listed": "yes" if member.listed else "no",
        "pillars": PILLAR_SEPARATOR.join(link.pillar.slug for link in member.member_pillars.all()),
        "description": member.description,
    }


def safe_row(member):
    return {column: neutralise(value) for column, value in member_row(member).items()}


def write_csv(members):
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS)
    writer.writeheader()
    for member in members:
        writer.writerow(safe_row(member))
    return output.getvalue().encode("utf-8-sig")


def write_xlsx(members):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "members"
    sheet.append(COLUMNS)
    for member in members:
        row = safe_row(member)
        sheet.append([row[column] for column in COLUMNS])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
