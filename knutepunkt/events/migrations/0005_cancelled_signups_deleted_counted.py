"""A cancelled sign-up is deleted at once; the event keeps only how many there were.

The data step counts each event's cancelled sign-ups into ``Event.cancelled_count`` and
deletes them (names, contact details and answers with them). Going back keeps the
count and cannot bring the deleted people back. The schema change follows in 0006, in a
transaction of its own.
"""

from django.db import migrations, models
from django.db.models import Count


def count_and_delete_cancelled(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Registration = apps.get_model("events", "Registration")
    cancelled = Registration.objects.filter(status="cancelled")
    for row in cancelled.values("event_id").annotate(n=Count("pk")).order_by():
        Event.objects.filter(pk=row["event_id"]).update(cancelled_count=row["n"])
    cancelled.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_description_in_nynorsk_registration_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="cancelled_count",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="sign-ups cancelled"
            ),
        ),
        migrations.RunPython(count_and_delete_cancelled, migrations.RunPython.noop),
    ]
