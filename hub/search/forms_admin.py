"""The editors' forms for search synonyms and best bets (hub/search/viewsets.py).

Every partnership a form offers is one the editor may edit pages of; only a superuser may
leave a synonym's partnership blank (every site's). What is typed is checked here, with a
message that says what to change: a synonym's term and alternatives are words, a best bet's
query is stored as the search compares it and its address is a result the index holds for
that site.
"""

import unicodedata

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from hub.core.models import Partnership
from hub.core.permissions import Action, scope_queryset
from hub.search.best_bets import pinnable_url
from hub.search.engine import normalise
from hub.search.models import BestBet, Synonym

LONGEST_WORDS = 80
MOST_ALTERNATIVES = 20
# Besides letters, numbers and spaces, what the names of things in safeguarding use:
# "multi-agency", "children's", "A&E", "s.47", "ICPC/RCPC".
PUNCTUATION = "-'’&./"


def editable_partnerships(user):
    """The partnerships whose search this person may tune: those whose pages they edit."""
    return scope_queryset(user, Action.EDIT_PAGES, Partnership.objects.all())


def tidy(value):
    """Words separated by single spaces."""
    return " ".join(value.split())


def same_words(value):
    """How two terms are compared: case and spacing do not matter."""
    return tidy(value).casefold()


def check_words(value, *, what):
    """`value` (one line, tidied) is words: refuse it otherwise, saying why."""
    if len(value) > LONGEST_WORDS:
        raise ValidationError(
            f"{what} “{value[:40]}…” is longer than {LONGEST_WORDS} characters: keep it to a "
            "few words"
        )
    if not any(character.isalnum() for character in value):
        raise ValidationError(f"{what} “{value}” has no letters or numbers")
    odd = [
        character
        for character in value
        if not (character.isalnum() or character == " " or character in PUNCTUATION)
        and unicodedata.category(character)[0] != "M"
    ]
    if odd:
        raise ValidationError(
            f"{what} “{value}” has “{odd[0]}”: use letters, numbers, spaces, hyphens and "
            "apostrophes only"
        )


def refuse_control_characters(value, *, line_breaks=False):
    """Invisible characters (control and formatting characters, such as a soft hyphen pasted
    from a word processor) would make a word that nobody can type."""
    allowed = "\r\n" if line_breaks else ""
    for character in value:
        if character in allowed:
            continue
        if unicodedata.category(character) in ("Cc", "Cf"):
            raise ValidationError(
                "Remove the invisible or control character "
                f"(U+{ord(character):04X}); type the words again if it was pasted"
            )


class PartnershipChoiceMixin:
    """The partnership field offers the editor's own partnerships, chosen for them when they
    have one. `every_site_label`: what a blank choice means, offered to superusers only."""

    every_site_label = None

    def offer_partnerships(self, for_user):
        field = self.fields["partnership"]
        if for_user is None:
            return
        if for_user.is_superuser and self.every_site_label:
            field.required = False
            field.empty_label = self.every_site_label
            return
        field.queryset = editable_partnerships(for_user)
        field.required = True
        field.empty_label = None
        only = list(field.queryset[:2])
        if len(only) == 1 and self.instance._state.adding:
            self.initial.setdefault("partnership", only[0].pk)


class SynonymForm(PartnershipChoiceMixin, WagtailAdminModelForm):
    every_site_label = "Every partnership's site"

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.offer_partnerships(for_user)
        self.fields["partnership"].help_text = "The site whose search uses these words."
        self.fields["term"].error_messages["required"] = "Type the word or words people search for"
        self.fields["alternatives"].error_messages["required"] = (
            "Give at least one other word for the term, one per line"
        )
        self.fields["alternatives"].help_text = (
            "One per line, up to 20: what else people call it, for example “local "
            "authority designated officer”. A search for any of these words finds the others."
        )

    def clean_term(self):
        value = self.cleaned_data.get("term") or ""
        refuse_control_characters(value)
        value = tidy(value)
        if not value:
            raise ValidationError("Type the word or words people search for")
        check_words(value, what="The term")
        return value

    def clean_alternatives(self):
        value = self.cleaned_data.get("alternatives") or ""
        refuse_control_characters(value, line_breaks=True)
        alternatives = [tidy(line) for line in value.splitlines() if tidy(line)]
        if not alternatives:
            raise ValidationError("Give at least one other word for the term, one per line")
        if len(alternatives) > MOST_ALTERNATIVES:
            raise ValidationError(
                f"Give at most {MOST_ALTERNATIVES} alternatives (there are {len(alternatives)}): "
                "make another synonym for a different meaning"
            )
        seen = set()
        for alternative in alternatives:
            check_words(alternative, what="The alternative")
            if same_words(alternative) in seen:
                raise ValidationError(f"“{alternative}” is listed twice: list it once")
            seen.add(same_words(alternative))
        return "\n".join(alternatives)

    def clean(self):
        cleaned = super().clean()
        term, alternatives = cleaned.get("term"), cleaned.get("alternatives")
        others = (alternatives or "").splitlines()
        if term and same_words(term) in (same_words(line) for line in others):
            self.add_error(
                "alternatives", f"“{term}” is the term itself: list only the other words for it"
            )
        if term and "partnership" not in self.errors:
            partnership = cleaned.get("partnership")
            others = Synonym.objects.filter(partnership=partnership).exclude(pk=self.instance.pk)
            # Two rows for one term on one site would leave the search to pick one of them.
            if others.filter(term__iexact=term).exists():
                where = "this site" if partnership else "every site"
                self.add_error(
                    "term", f"There is already a synonym for “{term}” on {where}: change that one"
                )
        return cleaned


class BestBetForm(PartnershipChoiceMixin, WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.offer_partnerships(for_user)
        self.fields["partnership"].help_text = "The site whose search shows this result first."
        self.fields["query"].error_messages["required"] = "Type what people search for"
        self.fields["url"].error_messages["required"] = (
            "Give the address of the page, document or chapter"
        )
        self.fields["url"].help_text = (
            "The address of the page, document or chapter on this site, for example "
            "/library/resolving-professional-differences/. A full address "
            "(https://…) of this site is fine too."
        )

    def clean_query(self):
        value = self.cleaned_data.get("query") or ""
        refuse_control_characters(value)
        query = normalise(value)
        if not query:
            raise ValidationError("Type what people search for, in letters or numbers")
        return query

    def clean(self):
        cleaned = super().clean()
        partnership, url = cleaned.get("partnership"), cleaned.get("url")
        if partnership is None or url is None:
            return cleaned
        try:
            cleaned["url"] = pinnable_url(partnership, url)
        except ValidationError as error:
            self.add_error("url", error)
            return cleaned
        query = cleaned.get("query")
        if query:
            pinned = BestBet.objects.filter(
                partnership=partnership, query=query, url=cleaned["url"]
            )
            if pinned.exclude(pk=self.instance.pk).exists():
                self.add_error("url", f"This result is already pinned to “{query}” on this site")
        return cleaned
