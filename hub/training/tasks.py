from django_tasks import task

from hub.training import emails


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
