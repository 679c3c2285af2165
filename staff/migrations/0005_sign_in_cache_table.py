from django.conf import settings
from django.core.management.commands.createcachetable import Command
from django.db import migrations


def create_table(apps, schema_editor):
    # The table of the "default" cache (newsportal.settings.CACHES): allauth's
    # lockout counts and used TOTP codes, shared by every process. Made here so that
    # `migrate` alone prepares any database, whatever cache is configured today.
    command = Command()
    command.verbosity = 0
    command.create_table(
        schema_editor.connection.alias, settings.SIGN_IN_CACHE_TABLE, dry_run=False
    )


def drop_table(apps, schema_editor):
    schema_editor.execute(
        f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.SIGN_IN_CACHE_TABLE)}"
    )


class Migration(migrations.Migration):
    dependencies = [("staff", "0004_audit_unban_and_protected_actors")]

    operations = [migrations.RunPython(create_table, drop_table)]
