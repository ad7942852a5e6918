"""Checking claims and FAQ answers against the article: supported, unsupported or contradicted, with evidence."""
