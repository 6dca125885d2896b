from django_tasks import task

from hub.training import emails
from hub.training.models import SessionMessage


@task()
def send_training_email(kind, pk):
    """Send one training email; safe to run twice (emails.send claims before it sends)."""
    model, _ = emails.KINDS[kind]
    obj = (
        model.objects.select_related("session__course__partnership__site", "person")
        .filter(pk=pk)
        .first()
    )
    if obj is not None:
        emails.send(kind, obj)


@task()
def send_session_message(pk):
    """Send the training team's message to everyone booked; safe to run twice."""
    message = (
        SessionMessage.objects.select_related("session__course__partnership__site")
        .filter(pk=pk)
        .first()
    )
    if message is not None:
        emails.send_message(message)
