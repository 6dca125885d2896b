"""The open-data API's addresses: /api/v1/ (hub/opendata/api.py) and its reference page."""

from django.urls import path
from django.views.generic import RedirectView

from hub.opendata import views
from hub.opendata.api import api

urlpatterns = [
    # The API's root is for people who typed it: the reference page says what is there.
    path("api/v1/", RedirectView.as_view(pattern_name="open_data_reference")),
    path("api/v1/", api().urls),
    path("open-data/", views.reference, name="open_data_reference"),
]
