"""Encrypting the alias and the topic, step 2 of 3: every existing row, with the same
helpers the model uses (``knutepunkt.interests.crypto``, keys from
``INTEREST_ENCRYPTION_KEYS``). Going back decrypts them again."""

from django.db import migrations

from knutepunkt.interests import crypto


def _contact(email, phone):
    if email:
        return "email", email
    if phone:
        return "phone", phone
    return "", ""


def encrypt_alias_and_topic(apps, schema_editor):
    Interest = apps.get_model("interests", "Interest")
    rows = Interest.objects.order_by("pk").values_list("pk", "alias", "topic_id", "email", "phone")
    for pk, alias, topic_id, email, phone in rows.iterator():
        kind, value = _contact(email, phone)
        Interest.objects.filter(pk=pk).update(
            alias=crypto.encrypt(alias) if alias else "",
            # An encrypted field: the update encrypts it.
            topic_ref=str(topic_id),
            topic_hash=crypto.topic_hash(topic_id),
            contact_hash=crypto.contact_hash(kind, value) if kind else "",
        )


def decrypt_alias_and_topic(apps, schema_editor):
    Interest = apps.get_model("interests", "Interest")
    rows = Interest.objects.order_by("pk").values_list("pk", "alias", "topic_ref")
    for pk, alias, topic_ref in rows.iterator():
        Interest.objects.filter(pk=pk).update(
            alias=crypto.decrypt(alias) if alias else "", topic_id=int(topic_ref)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("interests", "0003_interest_encrypted_columns"),
    ]

    operations = [
        migrations.RunPython(encrypt_alias_and_topic, decrypt_alias_and_topic),
    ]
