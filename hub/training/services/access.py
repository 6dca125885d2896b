"""Who may book for whom, and who may act on a place once it is booked or waited for.

`bookable_people` is the rule itself, as a queryset: pages list it as the colleagues to
choose from, and `may_book_for` asks it about one person before a service books them."""

from hub.core.models import User
from hub.core.permissions import Action, can, scope_queryset


def bookable_people(by):
    """Active people with an organisation that `by` may book a place for: the staff of the
    agencies in their booking role's reach (nobody, without the role)."""
    people = User.objects.filter(is_active=True, agency__isnull=False)
    return scope_queryset(by, Action.BOOK_FOR_AGENCY, people)


def may_book_for(by, person):
    """Yourself; or, with the booking role, an active colleague of an agency in your reach."""
    if not by.is_authenticated or not by.is_active:
        return False
    if by.pk == person.pk:
        return True
    return bookable_people(by).filter(pk=person.pk).exists()


def may_act_on(by, item):
    """Who may cancel a booking or answer for a waiting-list entry: the person themself, a
    booker for their agency, or the partnership's training team."""
    if by.pk == item.person_id:
        return True
    if item.agency_id and can(by, Action.BOOK_FOR_AGENCY, item.agency):
        return True
    return can(by, Action.MANAGE_TRAINING, item.session.course.partnership)


def team_bookable_people(by, partnership):
    """Active people of the partnership's organisations, when `by` runs its training (the
    training team books anyone who works with the partnership); nobody otherwise."""
    if not can(by, Action.MANAGE_TRAINING, partnership):
        return User.objects.none()
    return User.objects.filter(is_active=True, agency__partnerships=partnership).distinct()


def may_book_on(by, session, person):
    """may_book_for, or the session's training team booking one of its partnership's people."""
    if may_book_for(by, person):
        return True
    return team_bookable_people(by, session.course.partnership).filter(pk=person.pk).exists()
