"""The safeguarding vocabulary every site's search starts with: acronyms and the other names
practitioners use. Editors change and add to it in the admin; these rows belong to no
partnership (every site uses them)."""

from django.db import migrations

VOCABULARY = [
    ("LADO", ["local authority designated officer", "allegations against staff"]),
    ("CSE", ["child sexual exploitation"]),
    ("CCE", ["child criminal exploitation", "county lines"]),
    ("FGM", ["female genital mutilation"]),
    ("s47", ["section 47", "child protection enquiry"]),
    ("s17", ["section 17", "child in need assessment"]),
    ("ICPC", ["initial child protection conference"]),
    ("RCPC", ["review child protection conference"]),
    ("CIN", ["child in need"]),
    ("CP plan", ["child protection plan"]),
    ("EHA", ["early help assessment"]),
    ("DSL", ["designated safeguarding lead"]),
    ("MASH", ["multi-agency safeguarding hub", "front door"]),
    ("CLA", ["child looked after", "looked after child", "LAC"]),
    ("Prevent", ["radicalisation", "extremism"]),
    ("escalation", ["resolving professional differences"]),
    ("threshold", ["levels of need"]),
    ("strategy meeting", ["strategy discussion"]),
    ("domestic abuse", ["domestic violence"]),
    ("SUDI", ["sudden unexpected death in infancy"]),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("hubsearch", "Synonym")
    for term, alternatives in VOCABULARY:
        Synonym.objects.get_or_create(
            partnership=None, term=term, defaults={"alternatives": "\n".join(alternatives)}
        )


def unseed(apps, schema_editor):
    Synonym = apps.get_model("hubsearch", "Synonym")
    Synonym.objects.filter(partnership=None, term__in=[term for term, _ in VOCABULARY]).delete()


class Migration(migrations.Migration):
    dependencies = [("hubsearch", "0003_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]
