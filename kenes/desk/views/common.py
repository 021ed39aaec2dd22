"""What every desk page shares: who may see it, and the audit call."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from .. import audit, scope


def desk_page(roles: frozenset[str] = scope.CASEWORK_ROLES, post_only: bool = False) -> Callable:
    """Anonymous: to the staff login. Logged in without one of ``roles``: 404, as if the page did not exist.

    A form target (``post_only``) answers any other method with 404 too, so no route's answer depends on
    anything but the caller's scope.

    Pages are never cached (``no-store``): a shared phone's back button must not show a case after logout.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        @never_cache
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            staff = scope.staff_of(request.user)
            if staff is None or staff.role not in roles or (post_only and request.method != "POST"):
                raise Http404("not found")
            response = view(request, staff, *args, **kwargs)
            response["Cache-Control"] = "no-store, private"
            response.setdefault("Referrer-Policy", "same-origin")
            return response

        return wrapped

    return decorate


#: The pages' audit entry: what a member of staff did (see :func:`kenes.desk.audit.by_staff`).
log = audit.by_staff


def partner_choices(staff: scope.Staff) -> list[tuple[str, str]]:
    """Organisations a case can be shared with or referred to: every other organisation."""
    from kenes.accounts.models import Organisation

    return [(str(o.pk), str(o)) for o in Organisation.objects.exclude(pk=staff.organisation_id)]


def organisation(pk: str):
    from kenes.accounts.models import Organisation

    return Organisation.objects.filter(pk=pk).first()
