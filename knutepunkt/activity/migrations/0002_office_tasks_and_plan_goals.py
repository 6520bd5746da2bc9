from django.db import migrations

from knutepunkt.activity.reference import ensure_office_tasks_and_plan_goals


def create(apps, schema_editor):
    ensure_office_tasks_and_plan_goals(
        apps.get_model("activity", "OfficeTask"), apps.get_model("activity", "PlanGoal")
    )


class Migration(migrations.Migration):
    dependencies = [("activity", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
