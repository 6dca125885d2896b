from django.conf import settings
from django.db import models


class Kudos(models.Model):
    """Thanks given to a colleague: it holds a person, so the domain must export and prune it."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    note = models.CharField(max_length=200)
    given_at = models.DateTimeField()

    def __str__(self):
        return self.note
