"""Text: decoding bytes, HTML pages, the language check and cleaning with an offset map."""

from helpers.text import cleaning as _impl

# Transitional: every name of the module, while it is split into smaller ones.
globals().update({k: v for k, v in vars(_impl).items() if not k.startswith("__")})
