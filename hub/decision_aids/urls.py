from django.urls import path

from hub.decision_aids import guide_views, tool_views

app_name = "decision_aids"

urlpatterns = [
    # The levels-of-need guide (public).
    path("levels-of-need/", guide_views.guide, name="guide"),
    path("levels-of-need/areas/<slug:domain>/", guide_views.domain, name="domain"),
    path("levels-of-need/<slug:level>/", guide_views.level, name="level"),
    # Screening tools: the start page is a GET; every step after it is a POST to the same
    # address, so answers and the step never appear in a URL.
    path("decision-aids/", tool_views.tools, name="tools"),
    path("decision-aids/<slug:slug>/", tool_views.tool, name="tool"),
    path("decision-aids/<slug:slug>/summary.pdf", tool_views.summary_pdf, name="summary_pdf"),
]
