"""Pages for trainers, agency leads and coordinators, and the partnership's training team.
Included by urls.py under /training/manage/, in the same "training" namespace."""

urlpatterns = []
