"""Partnerships, the consortium they belong to, and the agencies that work within them."""

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

from hub.core.colours import validate_readable_on_white


class Consortium(models.Model):
    """A regional group of partnerships that shares one set of child protection procedures."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")

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
    is_demo = models.BooleanField(default=False, help_text="Fictional demo data.")

    objects = PartnershipQuerySet.as_manager()

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

    panels = [
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
        FieldPanel("cookies"),
        FieldPanel("contact"),
    ]

    class Meta:
        verbose_name = "Footer links"
