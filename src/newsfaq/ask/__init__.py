"""Answering questions from one article or the archive: find the sentences, read the answer or decline."""
