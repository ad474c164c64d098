"""Following objectives and actions across documents and years.

- text.py: the keys records are grouped by (goal, sector); the similarity score and the
  matching thresholds are in hytetool/similarity.py;
- registry.py: registry.yaml, the analyst-editable list of shared ids;
- matcher.py: `resolve(documents, registry)`, a shared id for every objective and action;
- diff.py: `diff(documents, a, b)`, actions continued, new and dropped between periods;
- overview.py: `status_overview(...)`, counts of actions by status;
- workspace.py: loading documents and the registry; `track_paths` (`hyte track`);
- console.py: the terminal tables.

See docs/tracking.md.
"""

from hytetool.track.diff import Diff, compare, diff, previous_documents, select_documents
from hytetool.track.matcher import Tracking, resolve
from hytetool.track.overview import status_overview
from hytetool.track.registry import Ref, Registry, default_registry_path, load_registry, write_registry
from hytetool.track.workspace import load_documents, open_workspace, track_paths

__all__ = [
    "Diff", "Ref", "Registry", "Tracking", "compare", "default_registry_path", "diff", "load_documents",
    "load_registry", "open_workspace", "previous_documents", "resolve", "select_documents", "status_overview",
    "track_paths", "write_registry",
]
