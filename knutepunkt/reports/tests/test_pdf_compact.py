"""The PDF lists each activity once, stays tagged, and is packed into object streams."""

import datetime
import io
from typing import Any

import pytest
from pypdf import PdfReader

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.conftest import municipality
from knutepunkt.reports.builder import build_office_report
from knutepunkt.reports.pdf import office_report_pdf

pytestmark = pytest.mark.django_db
YEAR = 2024


def test_each_activity_is_listed_once_in_a_tagged_compact_pdf(office_midt):
    kinds = [ActivityKind.OWN_EVENT, ActivityKind.STAND, ActivityKind.INQUIRY, ActivityKind.OTHER]
    for number, kind in enumerate(kinds, start=1):
        Activity.objects.create(
            office=office_midt,
            date=datetime.date(YEAR, number, 5),
            kind=kind,
            title=f"Aktivitet nummer {number} på Årø",
            municipality=municipality("1506"),
        )
    pdf = office_report_pdf(build_office_report(office=office_midt, year=YEAR))
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for number in range(1, len(kinds) + 1):
        assert text.count(f"Aktivitet nummer {number} på Årø") == 1, number
    assert "Activities listed in the sections above are not repeated here" in text
    assert "spreadsheet (XLSX) annex" in text
    catalog: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert b"/ObjStm" in pdf
    # No structure element is left outside the compressed object streams.
    assert b"/Type/StructElem" not in pdf and b"/Type /StructElem" not in pdf
