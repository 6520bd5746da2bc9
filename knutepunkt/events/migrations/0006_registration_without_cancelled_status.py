"""Cancelled sign-ups no longer exist (0005 deleted them): no ``cancelled`` status, no
``cancelled_at``, and one sign-up per e-mail address and event without a condition."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_cancelled_signups_deleted_counted"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="registration",
            name="registration_email_once_per_event",
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                fields=("event", "email"),
                name="registration_email_once_per_event",
                violation_error_message="This e-mail address is already signed up.",
            ),
        ),
        migrations.RemoveField(
            model_name="registration",
            name="cancelled_at",
        ),
        migrations.AlterField(
            model_name="registration",
            name="status",
            field=models.CharField(
                choices=[("confirmed", "Confirmed"), ("waiting", "On the waiting list")],
                max_length=20,
                verbose_name="status",
            ),
        ),
    ]
