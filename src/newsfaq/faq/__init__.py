"""FAQ writing: reader intents, question writing, answer selection, ranking."""
