"""Partnerships, the consortium they belong to, the agencies that work within them, and the
people who use the Hub with the roles they hold."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

from hub.core.colours import validate_readable_on_white
from hub.core.policy import Role, role_label  # noqa: F401 (Role: the core's roles)


class Consortium(models.Model):
    """A regional group of partnerships that shares one set of child protection procedures."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="consortium",
        help_text="Where the files shared by every partnership of the consortium live.",
    )
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")
    # Keys of the regional changes that need a second consortium editor's approval
    # (hub/core/sign_off.py; the keys are declared by the domains).
    sign_off = models.JSONField(default=list, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "consortia"

    def __str__(self):
        return self.name


class PartnershipQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)


class Partnership(models.Model):
    """A local safeguarding children partnership: one Wagtail site, one brand, its own agencies."""

    name = models.CharField(max_length=150, unique=True)
    short_name = models.CharField(
        max_length=60,
        help_text="How the partnership names itself in running text, e.g. 'Westshire'.",
    )
    slug = models.SlugField(max_length=60, unique=True)
    consortium = models.ForeignKey(
        Consortium, null=True, blank=True, on_delete=models.SET_NULL, related_name="partnerships"
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header beside the partnership's name. Keep it small and simple.",
    )
    logo_alt_text = models.CharField(max_length=150, blank=True)
    brand_colour = models.CharField(
        max_length=7,
        default="#0b3d60",
        validators=[validate_readable_on_white],
        help_text="Header background behind white text. Must reach 4.5:1 contrast with white.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#1a6e3a",
        validators=[validate_readable_on_white],
        help_text="Headings' rules and highlights on white. Must reach 4.5:1 contrast with white.",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="partnership",
        help_text="Where the partnership's own files and images live; its editors' group "
        "permissions reach this collection only.",
    )
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")
    # Keys of the changes that need a second person's approval before readers see them
    # (hub/core/sign_off.py; the keys are declared by the domains).
    sign_off = models.JSONField(default=list, blank=True)

    objects = PartnershipQuerySet.as_manager()

    PERMISSION_SCOPE = {"partnership": "pk", "consortium": "consortium"}

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("consortium"),
        FieldPanel("site"),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("logo_alt_text"),
                FieldPanel("brand_colour"),
                FieldPanel("accent_colour"),
            ],
            heading="Branding",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class AgencyType(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    INTEGRATED_CARE_BOARD = "icb", "Integrated care board"
    POLICE = "police", "Police"
    SCHOOL = "school", "School or college"
    HEALTH_PROVIDER = "health", "Health provider"
    VOLUNTARY = "voluntary", "Voluntary or community organisation"
    FAITH = "faith", "Faith organisation"
    SPORT = "sport", "Sport or leisure organisation"
    OTHER = "other", "Other"


# Only these types can be one of the three statutory safeguarding partners
# (Children Act 2004, section 16E, as amended by the Children and Social Work Act 2017).
SAFEGUARDING_PARTNER_TYPES = {
    AgencyType.LOCAL_AUTHORITY,
    AgencyType.INTEGRATED_CARE_BOARD,
    AgencyType.POLICE,
}


class AgencyQuerySet(models.QuerySet):
    def in_partnership(self, partnership):
        return self.filter(partnerships=partnership)

    def safeguarding_partners(self):
        return self.filter(is_safeguarding_partner=True)

    def relevant_agencies(self):
        return self.filter(is_safeguarding_partner=False)


class Agency(index.Indexed, models.Model):
    """An organisation that works with children: a partner, a school, a trust, a charity."""

    name = models.CharField(max_length=200, unique=True)
    agency_type = models.CharField(max_length=20, choices=AgencyType.choices)
    is_safeguarding_partner = models.BooleanField(
        default=False,
        help_text="One of the three statutory safeguarding partners: the local authority, the "
        "integrated care board or the chief officer of police.",
    )
    partnerships = models.ManyToManyField(Partnership, related_name="agencies")
    description = models.TextField(blank=True, help_text="One or two sentences for the public.")
    website = models.URLField(blank=True)
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")

    objects = AgencyQuerySet.as_manager()

    PERMISSION_SCOPE = {
        "partnership": "partnerships",
        "agency": "pk",
        "consortium": "partnerships__consortium",
    }

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    panels = [
        FieldPanel("name"),
        FieldPanel("agency_type"),
        FieldPanel("is_safeguarding_partner"),
        FieldPanel("partnerships"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.CheckConstraint(
                name="safeguarding_partner_has_statutory_type",
                condition=Q(is_safeguarding_partner=False)
                | Q(agency_type__in=sorted(t.value for t in SAFEGUARDING_PARTNER_TYPES)),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.is_safeguarding_partner and self.agency_type not in SAFEGUARDING_PARTNER_TYPES:
            raise ValidationError(
                {
                    "is_safeguarding_partner": "Only a local authority, an integrated care board "
                    "or a police force can be a statutory safeguarding partner."
                }
            )


@register_setting(icon="warning")
class WorriedAboutAChild(BaseSiteSetting):
    """The contact routes shown on every public page, and where 'Exit this page' goes."""

    front_door_name = models.CharField(
        max_length=120,
        default="Children's social care front door",
        help_text="The team that takes referrals, as the public knows it.",
    )
    front_door_phone = models.CharField(max_length=30, blank=True)
    front_door_hours = models.CharField(max_length=120, blank=True, default="Monday to Friday")
    front_door_url = models.URLField(blank=True, help_text="Online referral form, if there is one.")
    out_of_hours_phone = models.CharField(max_length=30, blank=True)
    out_of_hours_hours = models.CharField(
        max_length=120, blank=True, default="Evenings, weekends and bank holidays"
    )
    police_non_emergency_phone = models.CharField(max_length=30, default="101")
    nspcc_phone = models.CharField(
        max_length=30, default="0808 800 5000", verbose_name="NSPCC helpline"
    )
    exit_page_url = models.URLField(
        default="https://www.bbc.co.uk/weather",
        help_text="Where 'Exit this page' takes someone who needs to leave the site quickly.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("front_door_name"),
                FieldPanel("front_door_phone"),
                FieldPanel("front_door_hours"),
                FieldPanel("front_door_url"),
            ],
            heading="Children's social care",
        ),
        MultiFieldPanel(
            [FieldPanel("out_of_hours_phone"), FieldPanel("out_of_hours_hours")],
            heading="Out of hours",
        ),
        FieldPanel("police_non_emergency_phone"),
        FieldPanel("nspcc_phone"),
        FieldPanel("exit_page_url"),
    ]

    class Meta:
        verbose_name = "Worried about a child? panel"


@register_setting(icon="list-ul")
class FooterLinks(BaseSiteSetting):
    """The pages every footer links to; required by the accessibility regulations and UK GDPR."""

    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cookies = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Every page's footer shows all four: fetch them with the setting, not one query each.
    select_related = ["accessibility_statement", "privacy_notice", "cookies", "contact"]

    panels = [
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
        FieldPanel("cookies"),
        FieldPanel("contact"),
    ]

    class Meta:
        verbose_name = "Footer links"


class UserQuerySet(models.QuerySet):
    def staff_of(self, agency):
        """Active people confirmed as `agency`'s staff."""
        return self.filter(agency=agency, is_active=True)

    def asking_to_join(self, agency):
        """Active people who asked to join `agency` and are not yet confirmed."""
        return self.filter(requested_agency=agency, is_active=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class AgencyEmailDomain(models.Model):
    """An email domain that only one agency's staff use (e.g. westbury-academy.example).

    Someone whose verified address is at a registered domain is confirmed as that agency's
    staff without waiting for its lead. A domain belongs to at most one agency in any
    partnership, and shared or public domains (settings.SHARED_EMAIL_DOMAINS: nhs.net, the
    large webmail providers) can never be registered: their users are confirmed by a lead.
    """

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(max_length=253)
    added_at = models.DateTimeField(auto_now_add=True)

    PERMISSION_SCOPE = {
        "partnership": "agency__partnerships",
        "agency": "agency",
        "consortium": "agency__partnerships__consortium",
    }

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "domain"], name="one_row_per_agency_domain")
        ]

    def __str__(self):
        return f"{self.domain} ({self.agency})"


class MembershipConfirmation(models.TextChoices):
    INVITATION = "invitation", "Invited by the partnership"
    LEAD = "lead", "Confirmed by the agency's lead"
    ADMIN = "admin", "Confirmed by the partnership admin"
    EMAIL_DOMAIN = "email_domain", "Verified address at the agency's email domain"
    EXISTING = "existing", "Held a role for the agency or was invited before confirmation began"


class User(AbstractUser):
    """Someone who signs in: a practitioner, an agency lead, or partnership staff.

    Signs in with a work email address. Holds no data about any child or family.

    `agency` is the organisation the person is *confirmed* to work for: only then are they
    its staff (in its lead's lists, bookable and chargeable to it, a section 11 contributor).
    Someone who chooses an organisation themselves is `requested_agency` until its lead or the
    partnership admin confirms them, or their verified address is at one of its registered
    email domains.
    """

    username = None
    email = models.EmailField("work email address", unique=True)
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text="The partnership whose area the person mainly works in.",
    )
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text="The organisation the person is confirmed to work or volunteer for.",
    )
    requested_agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_requests",
        help_text="The organisation the person says they work for, not yet confirmed.",
    )
    agency_confirmed_at = models.DateTimeField(null=True, blank=True)
    agency_confirmed_how = models.CharField(
        max_length=20, blank=True, choices=MembershipConfirmation.choices
    )
    job_role = models.CharField(max_length=120, blank=True)
    line_manager_email = models.EmailField(blank=True)
    inactivity_warning_sent_at = models.DateTimeField(null=True, blank=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []
    PERMISSION_SCOPE = {
        "partnership": "partnership",
        "agency": "agency",
        "consortium": "partnership__consortium",
    }

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def verified_addresses(self):
        """The email addresses this person has proved are theirs, lower-cased: the only ones
        their data download, or deleting their account, may reach by address."""
        from allauth.account.models import EmailAddress

        return {
            address.lower()
            for address in EmailAddress.objects.filter(user=self, verified=True).values_list(
                "email", flat=True
            )
        }

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """How the Hub names a person everywhere: their name, or their email address."""
        return self.get_full_name() or self.email


class RoleAssignmentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(user__is_active=True)


class RoleAssignment(models.Model):
    """One role held by one person, scoped to a partnership (and for agency leads, to their
    agency; for consortium editors, to their consortium). Being a practitioner needs no
    assignment: every active account of a partnership is one."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    # A plain value checked against the permission table (hub.core.permissions.policy) when
    # given, so a domain can add a role without a migration here.
    role = models.CharField(max_length=40)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    consortium = models.ForeignKey(
        Consortium, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        # The scope is which of partnership, agency and consortium the row names: one of
        # three shapes, whatever the role (which shape a role takes is the permission
        # table's, checked when it is given). One assignment per role and scope, written as
        # partial indexes because SQLite cannot treat NULLs as equal in a unique constraint.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "consortium"],
                condition=Q(consortium__isnull=False),
                name="one_consortium_role_per_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "agency"],
                condition=Q(agency__isnull=False),
                name="one_agency_role_per_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "partnership"],
                condition=Q(agency__isnull=True, consortium__isnull=True),
                name="one_partnership_role_per_scope",
            ),
            models.CheckConstraint(
                name="role_has_its_scope",
                condition=(
                    Q(consortium__isnull=False, partnership__isnull=True, agency__isnull=True)
                    | Q(partnership__isnull=False, agency__isnull=False, consortium__isnull=True)
                    | Q(partnership__isnull=False, agency__isnull=True, consortium__isnull=True)
                ),
            ),
        ]

    def __str__(self):
        scope = self.agency or self.partnership or self.consortium
        return f"{self.role_label} ({scope})"

    @property
    def role_label(self):
        return role_label(self.role)


class JobRun(models.Model):
    """When each periodic job last ran, and who holds it now: `run_jobs` claims a due job by
    one guarded UPDATE of its row, so several machines running the scheduler at once run each
    job once (hub/core/scheduler.py). In the database, so jobs run while Redis is down."""

    name = models.CharField(max_length=100, primary_key=True)
    last_started = models.DateTimeField(null=True, blank=True)
    last_finished = models.DateTimeField(null=True, blank=True)
    last_result = models.TextField(blank=True)
    last_failed = models.BooleanField(default=False)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "periodic job"

    def __str__(self):
        return self.name
