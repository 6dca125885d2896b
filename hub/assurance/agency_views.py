"""Placeholder: the agency's pages are being written."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


home = submission = standard = evidence_download = evidence_remove = local_questions = _todo
action_new = action_edit = contributors = submit = respond = _todo
