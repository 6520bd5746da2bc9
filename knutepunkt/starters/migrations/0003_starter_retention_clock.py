"""A starter's retention clock (``active_at``, ``reminded_at``) and the random key bound
into the link in the reminder. Existing starters start the clock at their latest known
activity: their registration or their latest training, whichever is later."""

import datetime

import django.utils.timezone
from django.db import migrations, models

import knutepunkt.starters.models


def start_the_clock(apps, schema_editor):
    Starter = apps.get_model("starters", "Starter")
    for starter in Starter.objects.order_by("pk").iterator():
        active = starter.created_at
        if starter.trained_on is not None:
            trained = django.utils.timezone.make_aware(
                datetime.datetime.combine(starter.trained_on, datetime.time(12))
            )
            active = max(active, trained)
        Starter.objects.filter(pk=starter.pk).update(
            active_at=active, access_key=knutepunkt.starters.models.new_access_key()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("starters", "0002_starter_trainings"),
    ]

    operations = [
        migrations.AddField(
            model_name="starter",
            name="active_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False, verbose_name="last active"
            ),
        ),
        migrations.AddField(
            model_name="starter",
            name="reminded_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="reminder sent"
            ),
        ),
        migrations.AddField(
            model_name="starter",
            name="access_key",
            field=models.CharField(
                default=knutepunkt.starters.models.new_access_key, editable=False, max_length=32
            ),
        ),
        migrations.RunPython(start_the_clock, migrations.RunPython.noop),
    ]
