"""The editors' side of the library, inside Wagtail's admin: uploading a new version,
withdrawing one, signing off one that waits for a second editor (or sending it back), and the
review dashboard with its two actions (mark a document under review, email its owner).
Permission comes from the one helper in hub.core.permissions; every write is a service in
hub.library.services, met through hub.core.forms.service_call."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.paginator import WagtailPaginator

from hub.core.admin_screen import AdminScreen
from hub.core.forms import service_call, show_errors
from hub.core.presenters import govuk_datetime
from hub.core.staff_menu import admin_screen
from hub.library import queries, services
from hub.library.models import DocumentVersion, Status, suggested_review_date
from hub.library.viewsets import SUGGESTED_REVIEW_DATE_HINT, editable_documents

ISO_DATE, ISO_DATETIME = "%Y-%m-%d", "%Y-%m-%dT%H:%M"


class VersionUploadForm(forms.Form):
    file = forms.FileField(
        help_text="PDF, Word (DOCX), OpenDocument text (ODT), Excel (XLSX) or PowerPoint "
        "(PPTX), up to 20 MB. Macro-enabled files and PDFs with scripts are refused."
    )
    version_label = forms.CharField(max_length=20, help_text="As printed on the document: 2.1")
    what_changed = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)
    approved_by = forms.CharField(max_length=150, help_text="For example: Partnership executive")
    # Browsers read a date field's value only as ISO 8601, whatever the site's locale.
    approved_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE))
    published_at = forms.DateTimeField(
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=ISO_DATETIME),
        help_text="Leave blank to publish now. A later time schedules it.",
    )
    review_due = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        help_text=f"The document's next review date. {SUGGESTED_REVIEW_DATE_HINT} Leave it "
        "blank to keep the review date it has.",
    )


class UploadVersionView(AdminScreen, FormView):
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

    def get(self, request, *args, **kwargs):
        waiting = self.document.versions.awaiting_sign_off().first()
        if waiting is not None:
            messages.warning(
                request,
                f"Version {waiting.version_label} is waiting for sign-off: it is approved or "
                "sent back before the next version is uploaded.",
            )
            return redirect(edit_url(self.document))
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.document.title

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.needs_sign_off:
            form.fields["published_at"].help_text = (
                "Leave blank to publish as soon as another editor approves it. A later time "
                "schedules it, once approved."
            )
        return form

    @cached_property
    def needs_sign_off(self):
        return services.needs_sign_off(self.document)

    def get_initial(self):
        # A suggestion the editor may change, not a rule.
        return {**super().get_initial(), "review_due": suggested_review_date()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["document_url"] = edit_url(self.document)
        context["submit_button_label"] = (
            "Upload and send for sign-off" if self.needs_sign_off else "Upload and publish"
        )
        context["needs_sign_off"] = self.needs_sign_off
        context["form_is_multipart"] = True
        context["versions"] = self.document.versions.without_text().order_by("-number")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        with service_call() as call:
            version = services.version_upload(
                by=self.request.user,
                document=self.document,
                uploaded_file=data["file"],
                version_label=data["version_label"],
                what_changed=data["what_changed"],
                approved_by=data["approved_by"],
                approved_on=data["approved_on"],
                published_at=data["published_at"],
                review_due=data["review_due"],
                request=self.request,
            )
        if not call.ok:
            # The upload checks' refusals carry a code and belong to the file.
            code = getattr(call.error, "code", None)
            show_errors(form, call.error, "file" if code and code != "awaiting_sign_off" else None)
            return self.form_invalid(form)
        if version.awaits_sign_off:
            messages.success(
                self.request,
                f"New version of '{self.document.title}' uploaded. It is waiting for sign-off: "
                "readers see it once another editor approves it.",
            )
        else:
            messages.success(self.request, f"New version of '{self.document.title}' uploaded.")
        if self.document.status == Status.UNDER_REVIEW:
            # Readers are told it is being reviewed until someone says the review is done.
            messages.info(
                self.request,
                "It is still marked under review: set its status to Current below once the "
                "review is done.",
            )
        return redirect(edit_url(self.document))


def edit_url(document):
    """The document's own screen in the admin: its details and its versions."""
    return reverse("library_documents:edit", args=[document.pk])


def editable_versions(user):
    """Versions of the documents this editor may change."""
    return (
        DocumentVersion.objects.filter(document__in=editable_documents(user))
        .without_text()
        .select_related("document")
    )


class WithdrawVersionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        help_text="For example: published in error, or the wrong file. It is kept in the "
        "audit log.",
    )


class WithdrawVersionView(AdminScreen, FormView):
    """Confirm withdrawing one version, with the reason. The version stays in the document's
    history but can no longer be downloaded. Another partnership's version is a 404; a second
    press changes nothing."""

    form_class = WithdrawVersionForm
    template_name = "library/admin/withdraw_version.html"
    header_icon = "warning"
    page_title = "Withdraw a version"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404
        self.version = get_object_or_404(editable_versions(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.version)

    def back_url(self):
        return edit_url(self.version.document)

    def get(self, request, *args, **kwargs):
        if self.version.is_withdrawn:
            messages.info(request, "This version was already withdrawn.")
            return redirect(self.back_url())
        if self.version.awaits_sign_off:
            messages.info(request, "This version is waiting for sign-off: send it back instead.")
            return redirect(self.back_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.version
        context["action_url"] = self.request.path
        context["submit_button_label"] = "Withdraw this version"
        context["cancel_url"] = self.back_url()
        return context

    def form_valid(self, form):
        with service_call() as call:
            services.version_withdraw(
                by=self.request.user,
                version=self.version,
                reason=form.cleaned_data["reason"],
                request=self.request,
            )
        if not call.ok:
            if getattr(call.error, "code", None) == "already_withdrawn":
                messages.info(self.request, "This version was already withdrawn.")
                return redirect(self.back_url())
            show_errors(form, call.error, "reason")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Version {self.version.version_label} of '{self.version.document.title}' is "
            "withdrawn: it can no longer be downloaded.",
        )
        return redirect(self.back_url())


def _version_or_404(request, pk):
    """A version of a document this editor may change; any other is a 404."""
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(editable_versions(request.user), pk=pk)


def published_message(version):
    title = version.document.title
    if version.published_at <= timezone.now():
        return f"Version {version.version_label} of '{title}' is current: readers see it now."
    return (
        f"Version {version.version_label} of '{title}' is scheduled: readers see it from "
        f"{govuk_datetime(version.published_at)}."
    )


class ActionView(View):
    """A button that changes one thing (a POST with its CSRF token) and goes back to a
    screen with the service's answer as a message. `load` finds what the address names among
    what the editor may change (anything else is a 404, and nothing changes); `act` calls the
    service and returns the success message; refusals whose code is in `harmless` (a second
    press) are told as information, any other as an error."""

    http_method_names = ["post"]
    harmless = frozenset()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise Http404
        self.load(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        with service_call() as call:
            message = self.act()
        if call.ok:
            messages.success(request, message)
        elif getattr(call.error, "code", None) in self.harmless:
            messages.info(request, " ".join(call.messages))
        else:
            messages.error(request, " ".join(call.messages))
        return redirect(self.back_url())


class ApproveVersionView(ActionView):
    """A second editor signs off a version waiting for it. Approving one's own, or pressing
    twice, changes nothing: the service refuses and the document's screen says why."""

    harmless = frozenset({"not_waiting"})

    def load(self, request, pk):
        self.version = _version_or_404(request, pk)

    def back_url(self):
        return edit_url(self.version.document)

    def act(self):
        version = services.version_approve(
            by=self.request.user, version=self.version, request=self.request
        )
        return f"Signed off. {published_message(version)}"


class SendBackVersionForm(forms.Form):
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        label="What needs changing",
        help_text="Kept in the audit log. Optional, as you are taking back your own upload.",
    )


class SendBackVersionView(AdminScreen, FormView):
    """A version waiting for sign-off, sent back by another editor (with what needs
    changing) or taken back by the editor who uploaded it: it is withdrawn, never having
    been published. Another partnership's version is a 404."""

    form_class = SendBackVersionForm
    template_name = "library/admin/send_back_version.html"
    header_icon = "warning"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.version = _version_or_404(request, kwargs["pk"])
        self.own = self.version.uploaded_by_id == request.user.pk
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Take back a version" if self.own else "Send back a version"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.own:
            form.fields[
                "reason"
            ].help_text = "For the editor who uploaded it. Kept in the audit log."
        return form

    def get_page_subtitle(self):
        return str(self.version)

    def back_url(self):
        return edit_url(self.version.document)

    def get(self, request, *args, **kwargs):
        if not self.version.awaits_sign_off:
            messages.info(request, "This version is not waiting for sign-off.")
            return redirect(self.back_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.version
        context["own"] = self.own
        context["action_url"] = self.request.path
        context["submit_button_label"] = "Take it back" if self.own else "Send it back"
        context["cancel_url"] = self.back_url()
        return context

    def form_valid(self, form):
        with service_call() as call:
            services.version_send_back(
                by=self.request.user,
                version=self.version,
                reason=form.cleaned_data["reason"],
                request=self.request,
            )
        if not call.ok:
            if getattr(call.error, "code", None) == "not_waiting":
                messages.info(self.request, " ".join(call.messages))
                return redirect(self.back_url())
            show_errors(form, call.error, "reason")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Version {self.version.version_label} of '{self.version.document.title}' is "
            f"{'taken' if self.own else 'sent'} back: readers will never see it. Upload a "
            "corrected version when it is ready.",
        )
        return redirect(self.back_url())


REVIEWS_PER_PAGE = 50


class ReviewDashboardView(AdminScreen, TemplateView):
    """Documents overdue or coming up for review, in bands (overdue, then due within 30, 60
    and 90 days) and within a band by owner, a page at a time: the database counts the bands
    and fetches only the page shown."""

    template_name = "library/admin/reviews.html"
    header_icon = "time"
    page_title = "Documents due for review"

    def dispatch(self, request, *args, **kwargs):
        # Only for whoever may use the library's screens (as its menu link says).
        if not admin_screen("library.LibraryDocument")(request):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        due = queries.reviews_due(editable_documents(self.request.user), today)
        counts = queries.review_band_counts(due)
        paginator = WagtailPaginator(due, REVIEWS_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        context["bands"] = bands = _band_summary(counts)
        context["sections"] = _sections(page, bands)
        context["items"] = page
        context["elided_page_range"] = paginator.get_elided_page_range(page.number)
        context["today"] = today
        return context


def _band_summary(counts):
    """Each band's label, how many documents it holds, where it starts in the whole list
    and the page it starts on."""
    bands, start = [], 0
    for band, ((label, _), count) in enumerate(zip(queries.REVIEW_BANDS, counts, strict=True)):
        bands.append(
            {
                "label": label,
                "anchor": f"reviews-{band + 1}",
                "count": count,
                "start": start,
                "page": start // REVIEWS_PER_PAGE + 1,
            }
        )
        start += count
    return bands


def _sections(page, bands):
    """The page's documents by band, then by owner: each band with its label, whether it
    began on an earlier page, and its [(owner, documents)]."""
    sections = []
    for document in page:
        if not sections or sections[-1]["band"] is not bands[document.review_band]:
            band = bands[document.review_band]
            sections.append(
                {
                    "band": band,
                    "continued": band["start"] < page.start_index() - 1,
                    "owners": [],
                }
            )
        owners = sections[-1]["owners"]
        if not owners or owners[-1][0] != document.owner_name:
            owners.append((document.owner_name, []))
        owners[-1][1].append(document)
    return sections


class ReviewActionView(ActionView):
    """A button on the review dashboard, about one document the editor may edit."""

    def load(self, request, pk):
        self.document = get_object_or_404(editable_documents(request.user), pk=pk)

    def back_url(self):
        return reverse("library_admin:reviews")


class MarkUnderReviewView(ReviewActionView):
    harmless = frozenset({"already_under_review"})

    def act(self):
        services.document_mark_under_review(
            by=self.request.user, document=self.document, request=self.request
        )
        return (
            f"'{self.document.title}' is marked under review: readers are told it is being "
            "reviewed."
        )


class EmailOwnerView(ReviewActionView):
    harmless = frozenset({"already_sent"})

    def act(self):
        services.document_email_owner(
            by=self.request.user, document=self.document, request=self.request
        )
        return (
            f"The owner of '{self.document.title}' was emailed at {self.document.owner_email} "
            "that its review is due."
        )
