"""Catalog packs shipped with the suite: one folder per pack (format: README.md here).

No code: :func:`helpers.actors.load_catalog` finds a pack by its folder's name.
"""
