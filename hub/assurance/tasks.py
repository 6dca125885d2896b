from django_tasks import task

from hub.assurance import emails


@task()
def send_assurance_email(kind, pk, key=""):
    """Send one section 11 email; safe to run twice (emails.send claims before it sends)."""
    emails.send(kind, pk, key)
