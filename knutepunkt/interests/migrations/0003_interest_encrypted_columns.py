"""Encrypting the alias and the topic, step 1 of 3: the new columns (the topic's encrypted
reference and keyed hashes of the topic and the contact value); the alias becomes text
long enough for a Fernet token. Three migrations, so that on PostgreSQL the data step runs
in a transaction of its own."""

import django.db.models.deletion
from django.db import migrations, models

import knutepunkt.interests.crypto


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0002_initial"),
        ("interests", "0002_group_proposals"),
    ]

    operations = [
        # The alias becomes text long enough for a Fernet token (still clear here).
        migrations.AlterField(
            model_name="interest",
            name="alias",
            field=models.TextField(blank=True, verbose_name="first name or alias"),
        ),
        migrations.AddField(
            model_name="interest",
            name="topic_ref",
            field=knutepunkt.interests.crypto.EncryptedTextField(
                default="", editable=False, verbose_name="topic"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="interest",
            name="topic_hash",
            field=models.CharField(
                blank=True,
                default="",
                editable=False,
                max_length=64,
                verbose_name="topic (keyed hash)",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="interest",
            name="contact_hash",
            field=models.CharField(
                blank=True,
                db_index=True,
                default="",
                editable=False,
                max_length=64,
                verbose_name="contact (keyed hash)",
            ),
            preserve_default=False,
        ),
        # Nullable for a moment, so that going back can add it again before filling it.
        migrations.AlterField(
            model_name="interest",
            name="topic",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="groups.topic",
                verbose_name="topic",
            ),
        ),
    ]
