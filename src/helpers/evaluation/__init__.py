"""evaluation stage."""

from helpers.evaluation import core as _impl

# Transitional: every name of the module, while it is split into smaller ones.
globals().update({k: v for k, v in vars(_impl).items() if not k.startswith("__")})
