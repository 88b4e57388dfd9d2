"""Great Expectations Data Docs of a run's validation, built by GX itself into DATA_DIR/validation/.

The validation results a run's batches produced (`ValidationResult.outcome`) are put into the results
store of a fresh ephemeral GX context, and GX's own site builder renders them: one page per batch
and table under `validation/validations/<table>/<run id>/<time>/<batch>.html`, and the site's
`index.html`. The build is offline (nothing is fetched); the pages' styling links to GX's usual CDNs,
so offline they show unstyled but complete.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SITE = "timeline"


def build_data_docs(
    outcomes: Sequence[tuple[str, str, Any]], site_dir: Path, run_id: str, run_time: dt.datetime
) -> list[Path]:
    """Render `outcomes` ((table, batch name, GX ExpectationSuiteValidationResult)) into `site_dir`;
    return the pages written, in the order given. Nothing to render: nothing written, []."""
    outcomes = [o for o in outcomes if o[2] is not None]
    if not outcomes:
        return []
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    from schemas.expectations import import_gx

    gx = import_gx()
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.add_data_docs_site(
        site_name=SITE,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    run = RunIdentifier(run_name=run_id, run_time=run_time.replace(tzinfo=dt.UTC))
    keys = []
    for table, batch, outcome in outcomes:
        key = ValidationResultIdentifier(ExpectationSuiteIdentifier(table), run, batch)
        outcome.meta["run_id"] = run  # shown on the page as the run's name and time
        context.validation_results_store.set(key, outcome)
        keys.append(key)
    context.build_data_docs(site_names=[SITE], resource_identifiers=keys)
    return [site_dir.joinpath("validations", *key.to_tuple()).with_suffix(".html") for key in keys]
