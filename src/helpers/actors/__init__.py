"""Actors: the catalog, the spaCy pipeline components that find actors, and mention tables."""

from helpers.actors import entities as _impl

# Transitional: every name of the module, while it is split into smaller ones.
globals().update({k: v for k, v in vars(_impl).items() if not k.startswith("__")})
