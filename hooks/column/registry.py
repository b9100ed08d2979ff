"""The record kinds this site knows, and the rules that run across them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import Context, Kind
from .model import event as event_model
from .model import org as org_model
from .model import training as training_model
from .model import venue as venue_model
from .rules import bookings
from .rules import event as event_rules
from .rules import org as org_rules
from .rules import refs, slugs
from .rules import training as training_rules
from .rules import venue as venue_rules
from .schema import event as event_schema
from .schema import org as org_schema
from .schema import training as training_schema
from .schema import venue as venue_schema

if TYPE_CHECKING:
    from .catalog import Catalog

ORG = Kind("org", "orgs", "组织", org_schema.SCHEMA, org_model.build, org_rules.check)

VENUE = Kind("venue", "venues", "场地", venue_schema.SCHEMA, venue_model.build, venue_rules.check,
              references=lambda v: [refs.Ref(("org",), "org", v.org)] if v.org else [])

TRAINING = Kind("training", "trainings", "培训", training_schema.SCHEMA, training_model.build, training_rules.check,
                 references=lambda t: training_rules.references(t, {k.name for k in KINDS}))

EVENT = Kind("event", "events", "活动", event_schema.SCHEMA, event_model.build, event_rules.check,
             references=event_rules.references)

KINDS: tuple[Kind, ...] = (ORG, VENUE, TRAINING, EVENT)


def cross_checks(catalog: Catalog, ctx: Context, drafts: dict[str, set[str]]) -> None:
    """Rules that need several records (references, overlaps); run after each record passed its own."""
    refs.check_all(catalog, ctx, KINDS, drafts)
    sound = catalog.sound()
    bookings.check(sound, ctx)
    training_rules.cross_check(sound, ctx)
    slugs.check_streets(sound, ctx)
