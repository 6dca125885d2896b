"""Give every consortium and partnership its own Wagtail collection, move each partnership's
logo into it and point its editors' group at it instead of the shared root; and start agency
membership being confirmed: people who hold a role for their agency, or were invited, are
confirmed; everyone else's organisation becomes a request to join it."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4
EDITOR_GROUP_PREFIX = "Partnership editors: "
AGENCY_ROLES = ("agency_lead", "agency_training_coordinator")
OWN_COLLECTION_PERMISSIONS = ("add_image", "change_image", "choose_image", "choose_document")
SHARED_COLLECTION_PERMISSIONS = ("choose_image", "choose_document")


def _encode(number):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP, "0")


def _child_collection(Collection, parent, name):
    """A new child of `parent` in treebeard's materialised path, as Collection.add_child would
    make it (historical models have no tree methods)."""
    existing = Collection.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1
    ).order_by("-path")
    last = existing.first()
    position = int(last.path[-STEP:], 36) + 1 if last else 1
    collection = Collection.objects.create(
        name=name, path=parent.path + _encode(position), depth=parent.depth + 1, numchild=0
    )
    parent.numchild = Collection.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1
    ).count()
    parent.save(update_fields=["numchild"])
    return collection


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Consortium = apps.get_model("core", "Consortium")
    Partnership = apps.get_model("core", "Partnership")
    Image = apps.get_model("wagtailimages", "Image")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    User = apps.get_model("core", "User")
    RoleAssignment = apps.get_model("core", "RoleAssignment")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for consortium in Consortium.objects.filter(collection__isnull=True):
            consortium.collection = _child_collection(
                Collection, root, f"{consortium.name}: shared files"
            )
            consortium.save(update_fields=["collection"])
        for partnership in Partnership.objects.filter(collection__isnull=True):
            root.refresh_from_db()
            partnership.collection = _child_collection(Collection, root, partnership.name)
            partnership.save(update_fields=["collection"])
            if partnership.logo_id:
                Image.objects.filter(pk=partnership.logo_id).update(
                    collection=partnership.collection
                )
            group = Group.objects.filter(
                name=f"{EDITOR_GROUP_PREFIX}{partnership.short_name}"
            ).first()
            if group is None:
                continue
            # Editors reach their own partnership's collection only, no longer the root; the
            # consortium's shared files they may choose, never change.
            GroupCollectionPermission.objects.filter(group=group).delete()
            consortium = Consortium.objects.filter(pk=partnership.consortium_id).first()
            wanted = [(partnership.collection, OWN_COLLECTION_PERMISSIONS)]
            if consortium is not None and consortium.collection_id:
                wanted.append((consortium.collection, SHARED_COLLECTION_PERMISSIONS))
            for collection, codenames in wanted:
                for permission in Permission.objects.filter(
                    content_type__app_label__in=["wagtailimages", "wagtaildocs"],
                    codename__in=codenames,
                ):
                    GroupCollectionPermission.objects.create(
                        group=group, collection=collection, permission=permission
                    )

    # Wagtail's starter groups reach every partnership's pages and files from the root. Roles
    # decide admin access in the Hub (hub.accounts.services.sync_admin_access), so they go.
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        if group.user_set.exists():
            GroupCollectionPermission.objects.filter(group=group).delete()
        else:
            group.delete()

    user_type = ContentType.objects.filter(app_label="core", model="user").first()
    invited = set()
    if user_type is not None:
        invited = {
            int(object_id)
            for object_id in ModelLogEntry.objects.filter(
                content_type=user_type, action="hub.account.invited"
            ).values_list("object_id", flat=True)
        }
    for user in User.objects.filter(agency__isnull=False):
        holds_agency_role = RoleAssignment.objects.filter(
            user=user, role__in=AGENCY_ROLES, agency_id=user.agency_id
        ).exists()
        if holds_agency_role or user.pk in invited:
            user.agency_confirmed_how = "invitation" if user.pk in invited else "existing"
            user.agency_confirmed_at = user.date_joined
        else:
            user.requested_agency_id = user.agency_id
            user.agency_id = None
        user.save(
            update_fields=[
                "agency",
                "requested_agency",
                "agency_confirmed_at",
                "agency_confirmed_how",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_collections_and_confirmed_membership"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
