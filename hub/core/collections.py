"""Every partnership's files and images live in a Wagtail collection of its own, and files
shared by a whole consortium in the consortium's. Editors' group permissions reach only their
own partnership's collection, which is how Wagtail's image and document screens and choosers
keep one partnership's files from another's."""

from django.db import transaction
from wagtail.models import Collection


def _name(owner):
    from hub.core.models import Consortium

    return f"{owner.name}: shared files" if isinstance(owner, Consortium) else owner.name


@transaction.atomic
def collection_for(owner):
    """The collection of a partnership or consortium, made on first use."""
    owner = type(owner).objects.select_for_update().get(pk=owner.pk)
    if owner.collection_id is None:
        owner.collection = Collection.get_first_root_node().add_child(name=_name(owner))
        owner.save(update_fields=["collection"])
    return owner.collection
