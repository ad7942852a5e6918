"""Linguistic analysis: the spaCy pipeline and what is read off its parse."""
