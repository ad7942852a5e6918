"""``python -m newsfaq`` runs the CLI."""

from newsfaq.cli import app

app(prog_name="newsfaq")
