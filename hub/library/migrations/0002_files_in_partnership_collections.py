"""Each version's file moves into its owner's collection: the partnership's, or the
consortium's for documents shared by every partnership."""

from django.db import migrations


def forwards(apps, schema_editor):
    DocumentVersion = apps.get_model("library", "DocumentVersion")
    Document = apps.get_model("wagtaildocs", "Document")
    versions = DocumentVersion.objects.select_related(
        "document__partnership", "document__consortium"
    )
    for version in versions:
        owner = version.document.partnership or version.document.consortium
        if owner.collection_id:
            Document.objects.filter(pk=version.file_id).update(collection_id=owner.collection_id)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("core", "0006_partnership_collections_and_membership"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
