"""Renderers: each turns computed results into one output format (JSON, tables, text, HTML…)."""
