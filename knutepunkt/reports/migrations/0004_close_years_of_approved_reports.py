"""Close the activity log's years whose annual report was approved before years could be
closed (from now on approving a report closes its year, reopening opens it)."""

from django.db import migrations


def close_approved_years(apps, schema_editor):
    AnnualReport = apps.get_model("reports", "AnnualReport")
    ClosedYear = apps.get_model("activity", "ClosedYear")
    for report in AnnualReport.objects.filter(status="approved").exclude(approved_at=None):
        ClosedYear.objects.get_or_create(
            office_id=report.office_id,
            year=report.year,
            defaults={"closed_at": report.approved_at},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_snapshot_data_only"),
        ("activity", "0004_closed_year"),
    ]

    operations = [migrations.RunPython(close_approved_years, migrations.RunPython.noop)]
