"""Staff workspace pages of the reports app (mounted under /arbeid/ by core.staff_urls):
annual reports and their workflow, outputs (PDF, XLSX, background exports) and coverage."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.reports import coverage_views, output_views, views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("dekning/", coverage_views.coverage_country, name="coverage"),
    path("dekning/<slug:slug>/", coverage_views.coverage_office, name="coverage_office"),
    path(
        "dekning/<slug:slug>/hvite-flekker.csv",
        coverage_views.white_spots_download,
        name="white_spots_csv",
    ),
    path("rapporter/", views.report_list, name="report_list"),
    # "nasjonal" before "<slug>": it is not an office.
    path("rapporter/<int:year>/nasjonal/", views.national, name="national"),
    path("rapporter/<int:year>/nasjonal/endre/", views.national_edit, name="national_edit"),
    path("rapporter/<int:year>/nasjonal/pdf/", output_views.national_pdf, name="national_pdf"),
    path("rapporter/<int:year>/nasjonal/xlsx/", output_views.national_xlsx, name="national_xlsx"),
    path("rapporter/eksport/<int:pk>/", output_views.export_status, name="export_status"),
    path(
        "rapporter/eksport/<int:pk>/status.json",
        output_views.export_status_json,
        name="export_status_json",
    ),
    path("rapporter/eksport/<int:pk>/fil/", output_views.export_download, name="export_download"),
    path("rapporter/<int:year>/<slug:slug>/", views.report_detail, name="report_detail"),
    path("rapporter/<int:year>/<slug:slug>/endre/", views.report_edit, name="report_edit"),
    path("rapporter/<int:year>/<slug:slug>/send-inn/", views.report_submit, name="report_submit"),
    path("rapporter/<int:year>/<slug:slug>/godkjenn/", views.report_approve, name="report_approve"),
    path("rapporter/<int:year>/<slug:slug>/gjenapne/", views.report_reopen, name="report_reopen"),
    path("rapporter/<int:year>/<slug:slug>/pdf/", output_views.office_pdf, name="office_pdf"),
    path("rapporter/<int:year>/<slug:slug>/xlsx/", output_views.office_xlsx, name="office_xlsx"),
]
