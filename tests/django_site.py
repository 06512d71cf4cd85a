"""One Django project for every Django test module (test_django*.py, test_drf.py).

Django's settings can be configured once per process, so each module calls :func:`configure`
instead of ``settings.configure()``: the first call sets up a project with every app any of them
needs (django-contrib-comments, DRF), later calls only check it, and the whole suite can run in
one process in any order. This module is also the project's URLconf and its COMMENTS_APP (the
package django-contrib-comments asks for ``get_form()``), as a site's comments app would be.
"""

from __future__ import annotations

from typing import Any

APP_LABEL = "django_site"  # models of the tests live in this installed app
urlpatterns: list[Any] = []


def configure() -> None:
    """Configure Django settings for the tests once, set up the apps, migrate SQLite in memory."""
    import django
    from django.conf import settings

    if settings.configured:
        missing = {"django_comments", "rest_framework", APP_LABEL} - set(settings.INSTALLED_APPS)
        if missing:
            raise RuntimeError(
                f"Django was configured without {sorted(missing)}: configure it through"
                " tests/django_site.configure()"
            )
        return
    settings.configure(
        SECRET_KEY="vncomment tests only",
        ALLOWED_HOSTS=["testserver"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sites",
            "django_comments",
            "rest_framework",
            APP_LABEL,
        ],
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
            }
        ],
        ROOT_URLCONF=__name__,
        COMMENTS_APP=APP_LABEL,
        SITE_ID=1,
        USE_I18N=True,
        LANGUAGE_CODE="vi",
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()

    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # what Django's test runner does: response.context, locmem e-mail
    from django.urls import include, path

    urlpatterns.append(path("comments/", include("django_comments.urls")))
    call_command("migrate", run_syncdb=True, verbosity=0)


def get_form() -> Any:
    """django-contrib-comments asks the COMMENTS_APP for its form: here, vncomment's."""
    from vncomment.django_comments import VietnameseCommentForm

    return VietnameseCommentForm
