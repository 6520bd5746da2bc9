import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from knutepunkt.reports.tests.test_pdf import YEAR, logged_year  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["html", "pdf", "xlsx"])
def test_cli_writes_office_report_in_each_format(logged_year, tmp_path, fmt):  # noqa: F811
    target = tmp_path / f"midt.{fmt}"
    call_command(
        "build_report",
        "--office",
        "midt",
        "--year",
        str(YEAR),
        "--format",
        fmt,
        "--output",
        str(target),
        stdout=io.StringIO(),
    )
    content = target.read_bytes()
    if fmt == "html":
        assert "Møre og Romsdal og Trøndelag" in content.decode()
        assert "Informasjonsmøte på Årø nr. 3" in content.decode()
    elif fmt == "pdf":
        assert len(PdfReader(io.BytesIO(content)).pages) >= 3
    else:
        assert load_workbook(io.BytesIO(content)).worksheets[1].max_row == 13


@pytest.mark.parametrize("fmt", ["html", "pdf", "xlsx"])
def test_cli_writes_national_report(logged_year, tmp_path, fmt):  # noqa: F811
    target = tmp_path / f"national.{fmt}"
    call_command(
        "build_report",
        "--national",
        "--year",
        str(YEAR),
        "--format",
        fmt,
        "--output",
        str(target),
        stdout=io.StringIO(),
    )
    assert target.stat().st_size > 1000


def test_cli_fails_cleanly_for_unknown_office(office_midt, tmp_path):
    with pytest.raises(CommandError, match=r"Unknown office 'sor'.*midt"):
        call_command(
            "build_report",
            "--office",
            "sor",
            "--year",
            "2024",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
        )
    assert not (tmp_path / "x.pdf").exists()


def test_cli_fails_cleanly_for_unknown_format(office_midt, tmp_path):
    with pytest.raises(CommandError, match="Unknown format 'docx'"):
        call_command(
            "build_report",
            "--office",
            "midt",
            "--year",
            "2024",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x.docx"),
        )


def test_cli_exits_non_zero_for_bad_arguments(office_midt, tmp_path):
    import subprocess
    import sys

    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "manage.py",
            "build_report",
            "--office",
            "midt",
            "--year",
            "2024",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "KNUTEPUNKT_TESTING": "1"},
    )
    assert result.returncode != 0
    assert "Unknown format" in result.stderr
