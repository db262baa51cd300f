"""What the ground floor needs to know of the apps above it, without importing them.

Each app registers its own models and providers in its `AppConfig.ready`;
home reads the registries when it needs them (roles, workflow, the page head).
"""

from dataclasses import dataclass


class Registry:
    """An ordered set of things registered by apps, read by home."""

    def __init__(self, description):
        self.description = description
        self._items = []

    def register(self, item):
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, item):
        return item in self._items


@dataclass(frozen=True)
class FeedLink:
    """A feed announced in every page's head: `<link rel="alternate" type=… title=…>`."""

    title: str
    mime_type: str
    url: str


# Models whose changes go live only once a manager approves them (snippets;
# pages are under the workflow by the tree).
moderated_models = Registry("models under the approval workflow")

# Models that hold visitors' personal data: only users with the model's view
# permission read them, and the managers' role is given that permission.
personal_data_models = Registry("models holding personal data")

# Callables (request, language_code) -> list of FeedLink for the page head.
feed_providers = Registry("feeds announced in the page head")
