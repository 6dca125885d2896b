"""The forms of the decision aids' admin screens. Every choice they offer is the editor's
own (their partnership's guide and tools, or the consortium's regional ones), and every
choice is checked again when the form is posted, whatever the page offered: a level or
domain of another guide, a chapter the guide's owner cannot see, a guide the tool's owner
does not use.

A guide or tool belongs to its owner for good: the owner is chosen when it is made (from
what the editor may edit) and shown, not offered, afterwards.
"""

from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from hub.core.models import Consortium, Partnership
from hub.core.permissions import Action, can, scope_queryset
from hub.decision_aids.models import (
    Level,
    LevelsGuide,
    NeedDomain,
    NeedIndicator,
    OutcomeRule,
    Tool,
)
from hub.decision_aids.queries import editable_guides
from hub.procedures.models import Chapter, ChapterVersion

REGIONAL = "Regional (whole consortium)"


# -- owners ----------------------------------------------------------------------------------


def owner_key(partnership_id, consortium_id):
    return f"partnership-{partnership_id}" if partnership_id else f"regional-{consortium_id}"


def owner_label(row):
    return row.partnership.name if row.partnership_id else f"{REGIONAL}: {row.consortium.name}"


def owners_for(user):
    """{key: (label, partnership or None, consortium)}: whose guides and tools `user` may
    make: their partnerships' own (Action.EDIT_PAGES) and their consortium's regional ones
    (Action.EDIT_REGIONAL_CONTENT)."""
    if user is None:
        return {}
    owners = {}
    partnerships = scope_queryset(
        user, Action.EDIT_PAGES, Partnership.objects.filter(consortium__isnull=False)
    ).select_related("consortium")
    for partnership in partnerships.order_by("name"):
        owners[owner_key(partnership.pk, None)] = (
            partnership.name,
            partnership,
            partnership.consortium,
        )
    if can(user, Action.EDIT_REGIONAL_CONTENT):
        for consortium in Consortium.objects.order_by("name"):
            if can(user, Action.EDIT_REGIONAL_CONTENT, consortium):
                owners[owner_key(None, consortium.pk)] = (
                    f"{REGIONAL}: {consortium.name}",
                    None,
                    consortium,
                )
    return owners


def guides_usable_by(partnership, consortium):
    """The guides a tool of this owner may point its outcomes at: a partnership's tool its
    own guide or its consortium's regional one; a regional tool the regional one."""
    if partnership is not None:
        return LevelsGuide.objects.for_partnership(partnership)
    return LevelsGuide.objects.filter(partnership__isnull=True, consortium=consortium)


def _guide_owner_name(guide):
    return guide.partnership.name if guide.partnership_id else "regional"


class OwnedForm(WagtailAdminModelForm):
    """A guide's or tool's owner: chosen when it is made, fixed afterwards."""

    owner = forms.ChoiceField(
        label="Whose it is",
        help_text="Your partnership's own, or regional: shared by every partnership of the "
        "consortium that has none of its own. It cannot be changed later.",
        error_messages={
            "required": "Choose whose it is",
            "invalid_choice": "Choose one of the partnerships you edit for, or regional",
        },
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields["owner"]
        if self.instance._state.adding:
            self.owners = owners_for(for_user)
            choices = [(key, label) for key, (label, _, _) in self.owners.items()]
            if len(choices) == 1:
                field.initial = choices[0][0]
            else:
                choices.insert(0, ("", "Choose whose it is"))
            field.choices = choices
        else:
            instance = self.instance
            key = owner_key(instance.partnership_id, instance.consortium_id)
            self.owners = {key: (owner_label(instance), instance.partnership, instance.consortium)}
            field.choices = [(key, owner_label(instance))]
            field.initial = key
            field.disabled = True
            field.required = False
            field.help_text = "It cannot be changed once made."

    def chosen_owner(self):
        """(partnership or None, consortium) chosen, or None if no valid owner was chosen."""
        key = self.cleaned_data.get("owner") if hasattr(self, "cleaned_data") else None
        if key not in self.owners:
            return None
        _, partnership, consortium = self.owners[key]
        return partnership, consortium

    def clean(self):
        cleaned = super().clean()
        owner = self.chosen_owner()
        if owner is not None and self.instance._state.adding:
            self.instance.partnership, self.instance.consortium = owner
        return cleaned


def _limit_child_choices(formset, name, queryset, label=None):
    """Give every form of `formset` (the blank one the page copies included) `queryset` as
    the choices of its field `name`. The formset builds its forms when first asked, so this
    is done by giving it a form class of its own before then."""
    base = formset.form

    class Limited(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[name].queryset = queryset
            if label is not None:
                self.fields[name].label_from_instance = label

    Limited.__name__ = base.__name__
    formset.form = Limited


# -- the levels-of-need guide ----------------------------------------------------------------


def _in_use(level_or_domain):
    """Why a level or domain cannot be removed: what uses it, in words (None if nothing)."""
    uses = []
    indicators = NeedIndicator.objects.filter(
        Q(level=level_or_domain)
        if isinstance(level_or_domain, Level)
        else Q(domain=level_or_domain)
    ).count()
    if indicators:
        uses.append(f"{indicators} indicator{'s' if indicators != 1 else ''} of the guide")
    if isinstance(level_or_domain, Level):
        tools = sorted(
            set(
                OutcomeRule.objects.filter(level=level_or_domain).values_list(
                    "tool__title", flat=True
                )
            )
            | set(
                Tool.objects.filter(otherwise_level=level_or_domain).values_list("title", flat=True)
            )
        )
        if tools:
            uses.append("the outcome rules of " + ", ".join(tools))
    return " and ".join(uses) or None


class LevelsGuideForm(OwnedForm):
    """A guide's title, introduction, levels and domains. One guide per owner; a level or
    domain that indicators or a tool's rules use cannot be removed."""

    def clean(self):
        cleaned = super().clean()
        owner = self.chosen_owner()
        if owner is not None and self.instance._state.adding:
            partnership, consortium = owner
            taken = LevelsGuide.objects.filter(consortium=consortium)
            taken = (
                taken.filter(partnership=partnership)
                if partnership
                else taken.filter(partnership__isnull=True)
            )
            if taken.exists():
                name = partnership.name if partnership else f"{REGIONAL}: {consortium.name}"
                self.add_error(
                    "owner",
                    f"{name} already has a levels-of-need guide: change that one instead of "
                    "making another.",
                )
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        refusals = []
        for relation, noun in (("levels", "level"), ("domains", "domain")):
            formset = self.formsets.get(relation)
            if formset is None or not formset.is_bound:
                continue
            for form in formset.deleted_forms:
                row = form.instance
                if row.pk is None:
                    continue
                uses = _in_use(row)
                if uses:
                    refusals.append(
                        f"The {noun} “{row.name}” cannot be removed: it is used by {uses}. "
                        f"Move them to another {noun} first."
                    )
        for refusal in refusals:
            self.add_error(None, refusal)
        return valid and not refusals


# -- indicators ------------------------------------------------------------------------------


def chapters_for_guides(guides, keep=None):
    """Chapters the guides' owners can see: their consortium's regional chapters and, for a
    partnership's guide, its own local chapters; each with its current title (`title`),
    only those readers see now (and the chapter `keep`, an indicator's own, whatever)."""
    condition = Q(pk__in=[])
    for guide in guides:
        seen = Q(partnership__isnull=True)
        if guide.partnership_id:
            seen |= Q(partnership_id=guide.partnership_id)
        condition |= Q(manual__consortium_id=guide.consortium_id) & seen
    shown = Q(title__isnull=False, removed=False)
    if keep:
        condition |= Q(pk=keep)
        shown |= Q(pk=keep)
    current = ChapterVersion.objects.filter(
        chapter=OuterRef("pk"), release__published_at__lte=timezone.now()
    ).order_by("-release__published_at", "-pk")
    return (
        Chapter.objects.filter(condition)
        .annotate(
            title=Subquery(current.values("title")[:1]),
            removed=Subquery(current.values("is_removed")[:1]),
        )
        .filter(shown)
        .select_related("partnership")
        .order_by("title")
    )


def chapter_label(chapter):
    title = getattr(chapter, "title", None) or chapter.slug
    if chapter.partnership_id:
        return f"{title} ({chapter.partnership.name} only)"
    return title


def chapter_visible_to(chapter, guide):
    if chapter.manual.consortium_id != guide.consortium_id:
        return False
    return chapter.partnership_id is None or chapter.partnership_id == guide.partnership_id


class NeedIndicatorForm(WagtailAdminModelForm):
    """An indicator of one of the editor's guides: its level and domain are that guide's,
    its chapter one its owner's readers can see."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        guides = list(editable_guides(for_user)) if for_user is not None else []
        several = len(guides) > 1
        guide_ids = [guide.pk for guide in guides]
        self.fields["guide"].queryset = LevelsGuide.objects.filter(pk__in=guide_ids).select_related(
            "partnership", "consortium"
        )
        self.fields["guide"].error_messages["invalid_choice"] = "Choose one of your guides"

        def named(row):
            return f"{row.name} ({_guide_owner_name(row.guide)})" if several else row.name

        for name, model in (("level", Level), ("domain", NeedDomain)):
            field = self.fields[name]
            field.queryset = model.objects.filter(guide__in=guide_ids).select_related(
                "guide__partnership"
            )
            field.label_from_instance = named
        if "chapter" in self.fields:
            self.fields["chapter"].queryset = chapters_for_guides(
                guides, keep=self.instance.chapter_id
            )
            self.fields["chapter"].label_from_instance = chapter_label

    def clean(self):
        cleaned = super().clean()
        guide = cleaned.get("guide")
        if guide is None:
            return cleaned
        for name, noun in (("level", "level"), ("domain", "domain")):
            row = cleaned.get(name)
            if row is not None and row.guide_id != guide.pk:
                self.add_error(name, f"Choose a {noun} of {guide}")
        chapter = cleaned.get("chapter")
        if (
            chapter is not None
            and chapter.pk != self.instance.chapter_id
            and not chapter_visible_to(chapter, guide)
        ):
            self.add_error("chapter", "Choose a chapter that readers of this guide can see")
        return cleaned


# -- screening tools -------------------------------------------------------------------------


class ToolForm(OwnedForm):
    """A tool's words, scale, domains and outcome rules. Its guide is one its owner uses;
    every rule's level and the "otherwise" level are that guide's; its address is its
    owner's only."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        guides = LevelsGuide.objects.none()
        for _, partnership, consortium in self.owners.values():
            guides = guides | guides_usable_by(partnership, consortium)
        guides = list(guides.select_related("partnership", "consortium").distinct())
        guide_ids = [guide.pk for guide in guides]
        several = len(guides) > 1
        self.fields["guide"].queryset = LevelsGuide.objects.filter(pk__in=guide_ids).select_related(
            "partnership", "consortium"
        )
        self.fields["guide"].error_messages["invalid_choice"] = (
            "Choose the levels of need of the tool's partnership, or the regional ones"
        )
        levels = Level.objects.filter(guide__in=guide_ids).select_related("guide__partnership")

        def named(level):
            return f"{level.name} ({_guide_owner_name(level.guide)})" if several else level.name

        otherwise = self.fields["otherwise_level"]
        otherwise.queryset = levels
        otherwise.label_from_instance = named
        otherwise.error_messages["invalid_choice"] = "Choose a level of the tool's guide"
        rules = self.formsets.get("rules")
        if rules is not None:
            _limit_child_choices(rules, "level", levels, named)

    def clean(self):
        cleaned = super().clean()
        owner = self.chosen_owner()
        guide = cleaned.get("guide")
        if owner is not None and guide is not None:
            partnership, consortium = owner
            if not guides_usable_by(partnership, consortium).filter(pk=guide.pk).exists():
                self.add_error(
                    "guide",
                    "Choose the levels of need of the tool's partnership, or the regional ones",
                )
        otherwise = cleaned.get("otherwise_level")
        if guide is not None and otherwise is not None and otherwise.guide_id != guide.pk:
            self.add_error("otherwise_level", f"Choose a level of {guide}")
        slug = cleaned.get("slug")
        if owner is not None and slug:
            partnership, consortium = owner
            same = Tool.objects.filter(slug=slug, consortium=consortium)
            same = (
                same.filter(partnership=partnership)
                if partnership
                else same.filter(partnership__isnull=True)
            )
            if self.instance.pk:
                same = same.exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("slug", "Another of this owner's tools has this web address")
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        guide = self.cleaned_data.get("guide") if hasattr(self, "cleaned_data") else None
        rules = self.formsets.get("rules")
        wrong = False
        if guide is not None and rules is not None:
            for form in rules.forms:
                if rules.can_delete and rules._should_delete_form(form):
                    continue
                level = getattr(form, "cleaned_data", {}).get("level")
                if level is not None and level.guide_id != guide.pk:
                    form.add_error("level", f"Choose a level of {guide}")
                    wrong = True
        return valid and not wrong
