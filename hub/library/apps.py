from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "hub.library"
    label = "library"
    verbose_name = "Local protocols and guidance"

    def ready(self):
        from hub.core.domains import register_app

        register_app(self)
        from wagtail.documents import get_document_model
        from wagtail.permissions import register_permission_policy

        from hub.library.wagtail_documents import LibraryFilesPolicy

        # exact_class: this policy wins over the one wagtail.documents registers, whichever
        # app is made ready first.
        Document = get_document_model()
        register_permission_policy(Document, LibraryFilesPolicy(Document), exact_class=True)
