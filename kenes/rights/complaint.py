"""Where a worker can complain when pay is late or missing: the same routes for every payment rule.

The routes and the provisions behind them are the country's data (``provisions/<country>.yaml``, check
``complaint``): in Kazakhstan the state labour inspectorate considers workers' complaints (Labour Code
art. 192), an individual labour dispute goes to the employer's conciliation commission and then to court
(art. 159; within a year of learning of the breach, art. 160), and the union's advisory centre helps with
either. A route without a provision (the advisory centre) is always offered.
"""

from __future__ import annotations

from kenes.rights.answer import Context
from kenes.rights.i18n import _

#: Routes in the order they are offered; the JSON answer lists their codes.
ROUTES = ("labour_inspectorate", "conciliation_commission", "court", "advisory_centre")


def complaint_routes(ctx: Context, country: str) -> list[str]:
    """Cite and explain where to complain in ``country``; the route codes, for the answer."""
    routes = [r for r in ROUTES if r == "advisory_centre" or ctx.cite_for(country, r, check="complaint")]
    deadline = ctx.cite_for(country, "time_limit", check="complaint")
    if "labour_inspectorate" in routes:
        ctx.explain(
            _(
                "You can complain to the state labour inspectorate, which examines workers' complaints about "
                "breaches of labour law (art. 192 of the Labour Code)."
            )
        )
    if "conciliation_commission" in routes or "court" in routes:
        ctx.explain(
            _(
                "Unpaid wages are an individual labour dispute: it goes to the conciliation commission "
                "of the employer and, if not settled, to court (art. 159); where the employer has no such "
                "commission (small businesses, for example), straight to court."
            )
        )
    if deadline:
        ctx.explain(
            _(
                "Apply within one year of the day you learned, or should have learned, that your right was "
                "breached (art. 160)."
            )
        )
    ctx.explain(
        _(
            "A trade union advisory centre can help you write the complaint and prepare for the commission "
            "or the court."
        )
    )
    return routes
