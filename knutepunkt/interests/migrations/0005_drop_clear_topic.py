"""Encrypting the alias and the topic, step 3 of 3: the clear topic reference goes, the
alias is an encrypted field, and the index that served filtering by topic now uses the
keyed hash."""

from django.core import validators
from django.db import migrations, models

import knutepunkt.interests.crypto


class Migration(migrations.Migration):
    dependencies = [
        ("interests", "0004_encrypt_alias_and_topic"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="interest",
            name="interests_i_status_8fbb80_idx",
        ),
        migrations.RemoveField(
            model_name="interest",
            name="topic",
        ),
        migrations.AlterField(
            model_name="interest",
            name="alias",
            field=knutepunkt.interests.crypto.EncryptedTextField(
                blank=True,
                validators=[validators.MaxLengthValidator(40)],
                verbose_name="first name or alias",
            ),
        ),
        migrations.AddIndex(
            model_name="interest",
            index=models.Index(
                fields=["status", "topic_hash", "municipality"],
                name="interests_i_status_05a6b6_idx",
            ),
        ),
    ]
