"""The record kinds this site knows, and the rules that run across them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import Context, Kind
from .model import org as org_model
from .rules import org as org_rules
from .schema import org as org_schema

if TYPE_CHECKING:
    from .catalog import Catalog

ORG = Kind("org", "orgs", "组织", org_schema.SCHEMA, org_model.build, org_rules.check)

KINDS: tuple[Kind, ...] = (ORG,)


def cross_checks(catalog: Catalog, ctx: Context, drafts: dict[str, set[str]]) -> None:
    """Rules that need several records (references, overlaps); run after each record passed its own."""
