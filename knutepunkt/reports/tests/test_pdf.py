import datetime
import io
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from pypdf import PdfReader

from knutepunkt.activity.models import Activity, ActivityKind
from knutepunkt.conftest import municipality
from knutepunkt.reports.builder import build_national_report, build_office_report
from knutepunkt.reports.pdf import national_report_pdf, office_report_pdf

pytestmark = pytest.mark.django_db
YEAR = 2024


@pytest.fixture
def logged_year(office_midt, office_nord, contact_point_molde, contact_point_tromso, partner_molde):
    for month in range(1, 13):
        a = Activity.objects.create(
            office=office_midt,
            date=datetime.date(YEAR, month, 3),
            kind=ActivityKind.OWN_EVENT,
            title=f"Informasjonsmøte på Årø nr. {month}",
            municipality=municipality("1506"),
            participants=10 + month,
            people_reached=20,
        )
        a.partners.add(partner_molde)
    Activity.objects.create(
        office=office_nord,
        date=datetime.date(YEAR, 3, 14),
        kind=ActivityKind.STAND,
        title="Stand på Tromsø sjukehus – kjøkkenhage og særlige behov",
        municipality=municipality("5501"),
        people_reached=300,
    )
    return office_midt, office_nord


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() or "" for page in reader.pages)


def test_office_pdf_opens_with_outline_sections_and_norwegian_letters(logged_year):
    office_midt, _ = logged_year
    pdf = office_report_pdf(build_office_report(office=office_midt, year=YEAR))
    reader, text = _text(pdf)
    assert pdf.startswith(b"%PDF")
    assert 3 <= len(reader.pages) <= 30
    titles = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert any("Møre og Romsdal og Trøndelag" in t for t in titles)
    assert "Informasjonsmøte på Årø nr. 12" in text
    assert "Kontaktpunkt for selvhjelp i Molde" in text
    assert "Kartverket" in text


def test_national_pdf_has_a_chapter_and_bookmark_per_office(logged_year, tmp_path):
    pdf = national_report_pdf(build_national_report(year=YEAR))
    reader, text = _text(pdf)
    titles = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    for name in ("Møre og Romsdal og Trøndelag", "Nordland, Troms og Finnmark"):
        assert any(name in t for t in titles), titles
        assert name in text
    assert "kjøkkenhage og særlige behov" in text
    assert 4 <= len(reader.pages) <= 60
    if shutil.which("pdftoppm"):
        out = Path("/tmp/kp-pdf-preview")
        out.mkdir(exist_ok=True)
        (out / "national.pdf").write_bytes(pdf)
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                shutil.which("pdftoppm") or "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "6",
                str(out / "national.pdf"),
                str(out / "page"),
            ],
            check=True,
            timeout=60,
        )
        assert list(out.glob("page-*.png"))


# --- Downloads, background export and access ---------------------------------------------


from knutepunkt.reports.models import AnnualReport, ExportStatus, ReportExport, ReportStatus  # noqa: E402


def test_office_staff_download_own_pdf_and_get_404_for_another(
    logged_year, login, office_staff_midt
):
    client = login(office_staff_midt)
    ok = client.get(reverse("staff:reports:office_pdf", args=[YEAR, "midt"]))
    assert ok.status_code == 200 and ok["Content-Type"] == "application/pdf"
    assert ok.content.startswith(b"%PDF")
    assert client.get(reverse("staff:reports:office_pdf", args=[YEAR, "nord"])).status_code == 404


def test_funder_downloads_approved_reports_only(logged_year, login, funder_viewer):
    office_midt, office_nord = logged_year
    AnnualReport.objects.create(office=office_midt, year=YEAR, status=ReportStatus.APPROVED)
    AnnualReport.objects.create(office=office_nord, year=YEAR, status=ReportStatus.SUBMITTED)
    client = login(funder_viewer)
    assert client.get(reverse("staff:reports:office_pdf", args=[YEAR, "midt"])).status_code == 200
    assert client.get(reverse("staff:reports:office_pdf", args=[YEAR, "nord"])).status_code == 404


def test_anonymous_is_redirected_to_sign_in(client, office_midt):
    response = client.get(reverse("staff:reports:office_pdf", args=[YEAR, "midt"]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_national_pdf_is_generated_in_background_and_downloads(
    logged_year, login, head_office_admin, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    client = login(head_office_admin)
    page = client.get(reverse("staff:reports:national_pdf", args=[YEAR]))
    assert page.status_code == 200 and "Generate national PDF" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("staff:reports:national_pdf", args=[YEAR]))
    export = ReportExport.objects.get()
    assert export.status == ExportStatus.QUEUED and export.created_by == head_office_admin
    status = client.get(reverse("staff:reports:export_status_json", args=[export.pk])).json()
    assert status["status"] == "queued" and status["progress"] == 0
    for callback in callbacks:
        callback()  # the immediate backend runs the task now
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE and export.progress == 100
    assert response["Location"] == reverse("staff:reports:export_status", args=[export.pk])
    status_page = client.get(response["Location"]).content.decode()
    assert reverse("staff:reports:export_download", args=[export.pk]) in status_page
    download = client.get(reverse("staff:reports:export_download", args=[export.pk]))
    pdf = b"".join(download.streaming_content)
    _reader, text = _text(pdf)
    assert "Nordland, Troms og Finnmark" in text


def test_office_staff_cannot_open_national_exports(
    logged_year, login, office_staff_midt, head_office_admin
):
    export = ReportExport.objects.create(year=YEAR, created_by=head_office_admin)
    client = login(office_staff_midt)
    assert client.get(reverse("staff:reports:national_pdf", args=[YEAR])).status_code == 403
    assert client.get(reverse("staff:reports:export_status", args=[export.pk])).status_code == 403


def test_funder_cannot_see_head_office_export(logged_year, login, funder_viewer, head_office_admin):
    export = ReportExport.objects.create(year=YEAR, created_by=head_office_admin)
    response = login(funder_viewer).get(reverse("staff:reports:export_status", args=[export.pk]))
    assert response.status_code == 404


def _outline_titles(items: list) -> list[list[str]]:
    """The PDF's bookmarks: [chapter, [sections]] pairs, numbering ("1.2 ") removed."""
    chapters: list[list[str]] = []
    for item in items:
        if isinstance(item, list):
            chapters[-1].extend(
                re.sub(r"^[\d.]+\s+", "", str(i.title)) for i in item if not isinstance(i, list)
            )
        else:
            chapters.append([])
    return chapters


def test_pdf_has_the_web_pages_sections_in_the_same_order(logged_year, login, office_staff_midt):
    office_midt, _ = logged_year
    client = login(office_staff_midt)
    kwargs = {"year": YEAR, "slug": office_midt.slug}
    page = client.get(reverse("staff:reports:report_detail", kwargs=kwargs)).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    # The report page links its PDF and spreadsheet.
    assert reverse("staff:reports:office_pdf", kwargs=kwargs) in main
    assert reverse("staff:reports:office_xlsx", kwargs=kwargs) in main
    web = [
        unescape(strip_tags(h)).strip()
        for h in re.findall(r"<h2 id=\"[^\"]+\">(.*?)</h2>", main, flags=re.S)
    ]
    response = client.get(reverse("staff:reports:office_pdf", kwargs=kwargs))
    reader, text = _text(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    (sections,) = _outline_titles(reader.outline)
    assert len(web) >= 10
    assert sections == web
    # The body prints each heading once, in this order, after the table of contents.
    position = text.index(web[-1]) + len(web[-1])
    for title in web:
        found = text.find(title, position)
        assert found > position, (title, text[position : position + 300])
        position = found + len(title)


def test_bokmal_pdf_and_page_say_none_this_year_in_norwegian(logged_year, login, office_staff_midt):
    _, office_nord = logged_year
    with translation.override("nb"):
        report = build_office_report(office=office_nord, year=YEAR)
        _reader, text = _text(office_report_pdf(report))
    assert "Ingen i år." in text
    assert "None this year." not in text
