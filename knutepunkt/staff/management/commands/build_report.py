"""manage.py build_report --office <slug> | --national --year <year> --format html|pdf|xlsx
--output <file>"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from knutepunkt.network.models import DistrictOffice

FORMATS = ("html", "pdf", "xlsx")


class Command(BaseCommand):
    help = "Write an office's annual report, or the national compilation, to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--office", help="the district office's slug")
        which.add_argument("--national", action="store_true", help="the national compilation")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", dest="fmt", required=True, help="html, pdf or xlsx")
        parser.add_argument("--output", required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = options["fmt"].lower()
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
        year = options["year"]
        if not 2000 <= year <= 2100:
            raise CommandError(f"Year {year} is out of range.")
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        with translation.override("nb"):
            content = self._render(options, fmt, year)
        output.write_bytes(content)
        self.stdout.write(f"Wrote {output} ({len(content):,} bytes)")

    def _render(self, options: dict[str, Any], fmt: str, year: int) -> bytes:
        from knutepunkt.reports import builder, xlsx

        if options["national"]:
            national = builder.build_national_report(year=year)
            if fmt == "xlsx":
                return xlsx.national_report_xlsx(national)
            if fmt == "pdf":
                return self._pdf().national_report_pdf(national)
            return render_to_string(
                "reports/outputs/national_standalone.html", {"national": national}
            ).encode()
        office = DistrictOffice.objects.filter(slug=options["office"]).first()
        if office is None:
            known = ", ".join(
                DistrictOffice.objects.order_by("slug").values_list("slug", flat=True)
            )
            raise CommandError(f"Unknown office {options['office']!r}. Known offices: {known}.")
        report = builder.build_office_report(office=office, year=year)
        if fmt == "xlsx":
            return xlsx.office_report_xlsx(report)
        if fmt == "pdf":
            return self._pdf().office_report_pdf(report)
        from knutepunkt.reports.maps import map_context

        report = builder.with_coverage([report])[0]
        context = {
            "report": report,
            "coverage_map": map_context(
                report.coverage,
                label=gettext("Coverage map of %(office)s") % {"office": report.office_name},
            ),
        }
        return render_to_string("reports/outputs/office_standalone.html", context).encode()

    def _pdf(self) -> Any:
        from knutepunkt.reports import pdf

        if not pdf.typst_available():
            raise CommandError("typst is not installed: PDF output is not available.")
        return pdf
