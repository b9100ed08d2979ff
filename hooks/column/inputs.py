"""Everything staff edit, read and checked: site settings, records and stories (no page rendering here)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from . import catalog, config, filegate, links, pages, search_needs, sitemap, stories
from .kinds import Context
from .model.story import POSTS_DIR, Story
from .problems import Problems, RecordsInvalid


@dataclasses.dataclass(frozen=True)
class Inputs:
    """Everything staff edit, checked: site settings and every record."""

    config: config.Config
    catalog: catalog.Catalog
    stories: tuple[Story, ...] = ()
    """Published stories (``content/stories/posts/``), newest first."""
    site: sitemap.SiteMap | None = None
    """The pages and files known before rendering: the links staff wrote were checked against it."""
    links: links.Written | None = None
    """What holds those links, for the build to check the ones only rendering can tell."""
    docs: filegate.Docs = filegate.Docs((), {})
    """Every file under ``content/``, checked; SVGs with the passive bytes to publish."""
    needs: tuple[search_needs.Need, ...] = ()
    """The search box's need vocabulary (``hooks/column/schema/needs.yml``)."""

    def public_records(self) -> dict[str, list]:
        """Every published record of every kind by kind name, stories under ``story``, drafts left out even in
        the preview: what the outputs made from all kinds read (open data, figures)."""
        every = {**{kind: list(found.values()) for kind, found in self.catalog.records.items()}, "story": self.stories}
        return {kind: [record for record in found if not record.origin.draft] for kind, found in every.items()}


def load_inputs(root: Path, docs_dir: Path, now: dt.datetime, problems: Problems, *,
                include_drafts: bool = False) -> Inputs:
    """Check ``column.yml`` and every record; raises ``RecordsInvalid`` listing every error."""
    docs = filegate.check_docs(docs_dir, root, problems)
    settings = config.load(root, problems)
    ctx = Context(root, docs_dir, now, problems, settings)
    pages.check(docs.markdown, ctx, skip=docs_dir / POSTS_DIR)
    written = stories.read(ctx, docs.markdown)
    records = catalog.collect(ctx, include_drafts=include_drafts)
    stories.check_references(written, records, ctx)
    known = sitemap.before_build(docs_dir, records.records, [(s.id, s.src_uri) for _, s in written])
    written_links = links.Written(records, written, settings)
    written_links.check(known, problems)
    needs = search_needs.load(problems=problems)
    if problems.errors:
        raise RecordsInvalid(problems)
    return Inputs(settings, records, stories.published(written, include_drafts=include_drafts), known, written_links, docs,
                  tuple(needs))
