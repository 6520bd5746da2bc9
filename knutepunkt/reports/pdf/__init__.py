"""Print-quality PDF of annual reports, typeset with typst (offline, fonts embedded in the
typst wheel: Libertinus Serif and New Computer Modern cover æ, ø and å)."""

from knutepunkt.reports.pdf.render import (
    PdfUnavailable,
    national_report_pdf,
    office_report_pdf,
    typst_available,
)

__all__ = ["PdfUnavailable", "national_report_pdf", "office_report_pdf", "typst_available"]
