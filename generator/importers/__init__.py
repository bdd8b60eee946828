"""Importers: documents staff receive (Word plans) turned into data files that pass `check`."""
