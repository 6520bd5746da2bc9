"""When a partner's contact person's details were last confirmed: the retention clock.
Existing contacts start it at the migration."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_office_and_contact_point_description_in_nynorsk"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnercontact",
            name="confirmed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="details confirmed",
            ),
        ),
    ]
