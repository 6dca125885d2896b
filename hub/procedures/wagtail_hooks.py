from wagtail import hooks


@hooks.register("register_admin_urls")
def register_procedures_admin_urls():
    from django.urls import include, path

    from hub.procedures import admin_views as views

    release = "releases/<int:pk>/"
    return [
        path(
            "procedures/",
            include(
                (
                    [
                        path("", views.ReleaseListView.as_view(), name="releases"),
                        path(release, views.ReleaseView.as_view(), name="release"),
                        path(
                            f"{release}chapter/",
                            views.ChapterChangeView.as_view(),
                            name="chapter_change",
                        ),
                        path(
                            f"{release}local-information/",
                            views.LocalInformationView.as_view(),
                            name="local_information",
                        ),
                        path(
                            f"{release}new-chapter/",
                            views.ChapterCreateView.as_view(),
                            name="chapter_create",
                        ),
                        path(
                            f"{release}preview/<int:chapter_pk>/",
                            views.PreviewView.as_view(),
                            name="preview",
                        ),
                        path(f"{release}publish/", views.PublishView.as_view(), name="publish"),
                        path(f"{release}approve/", views.ApproveView.as_view(), name="approve"),
                        path(
                            f"{release}send-back/",
                            views.SendBackView.as_view(),
                            name="send_back",
                        ),
                        path(
                            "regional-sign-off/<int:consortium_pk>/",
                            views.RegionalSignOffView.as_view(),
                            name="regional_sign_off",
                        ),
                        path(f"{release}schedule/", views.ScheduleView.as_view(), name="schedule"),
                        path(
                            f"{release}unschedule/",
                            views.UnscheduleView.as_view(),
                            name="unschedule",
                        ),
                    ],
                    "procedures_admin",
                ),
                namespace="procedures_admin",
            ),
        )
    ]
