"""The editors' side of the library, inside Wagtail's admin: uploading a new version, and the
review dashboard. Permission comes from the one helper in hub.core.permissions."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.library import services
from hub.library.viewsets import editable_documents


class VersionUploadForm(forms.Form):
    file = forms.FileField(
        help_text="PDF, Word (DOCX), OpenDocument text (ODT), Excel (XLSX) or PowerPoint "
        "(PPTX), up to 20 MB. Macro-enabled files and PDFs with scripts are refused."
    )
    version_label = forms.CharField(max_length=20, help_text="As printed on the document: 2.1")
    what_changed = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)
    approved_by = forms.CharField(max_length=150, help_text="For example: Partnership executive")
    approved_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    published_at = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="Leave blank to publish now. A later time schedules it.",
    )
    review_due = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The next review date for this document.",
    )


class UploadVersionView(WagtailAdminTemplateMixin, FormView):
    form_class = VersionUploadForm
    template_name = "library/admin/upload_version.html"
    header_icon = "doc-full"
    page_title = "Upload a new version"

    def dispatch(self, request, *args, **kwargs):
        self.document = (
            get_object_or_404(editable_documents(request.user), pk=kwargs["pk"])
            if request.user.is_authenticated
            else None
        )
        if self.document is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.document.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = "Upload and publish"
        context["form_is_multipart"] = True
        context["versions"] = self.document.versions.order_by("-number")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.version_upload(
                by=self.request.user,
                document=self.document,
                uploaded_file=data["file"],
                version_label=data["version_label"],
                what_changed=data["what_changed"],
                approved_by=data["approved_by"],
                approved_on=data["approved_on"],
                published_at=data["published_at"],
            )
        except ValidationError as error:
            form.add_error("file" if error.code else None, error)
            return self.form_invalid(form)
        except PermissionDenied as error:
            raise Http404 from error
        if data["review_due"]:
            self.document.review_due = data["review_due"]
            self.document.save(update_fields=["review_due"])
        messages.success(self.request, f"New version of '{self.document.title}' uploaded.")
        return redirect(reverse("library_admin:reviews"))


class ReviewDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "library/admin/reviews.html"
    header_icon = "time"
    page_title = "Documents due for review"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        documents = editable_documents(self.request.user).select_related("owner_agency")
        groups = [
            ("Overdue", documents.review_overdue(today)),
            ("Due within 30 days", documents.review_due_within(30, today)),
            (
                "Due in 31 to 60 days",
                documents.review_due_within(60, today).exclude(
                    pk__in=documents.review_due_within(30, today)
                ),
            ),
            (
                "Due in 61 to 90 days",
                documents.review_due_within(90, today).exclude(
                    pk__in=documents.review_due_within(60, today)
                ),
            ),
        ]
        context["groups"] = [
            (label, _by_owner(queryset.order_by("review_due"))) for label, queryset in groups
        ]
        context["today"] = today
        return context


def _by_owner(documents):
    owners = {}
    for document in documents:
        owners.setdefault(str(document.owner_agency or "No owner recorded"), []).append(document)
    return sorted(owners.items())
