"""Minh Bạch: a static site generator for Vietnamese administrative-reform plans."""
