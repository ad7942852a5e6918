"""Turning raw bytes into text, refusing what is not a readable text file."""

from __future__ import annotations

from ftfy.badness import is_bad

from newsfaq.errors import InputError
from newsfaq.settings import Settings

MAX_WESTERN_SHARE = 0.2
"""Windows-1252 prose has some accented letters and curly quotes, not a run of symbols."""
_TYPOGRAPHY = set("“”‘’–—…€£•°«»©®™")
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) | {127}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(2, len(sample) // 100)


def _reads_as_western(text: str) -> bool:
    """Mostly ASCII, its other characters letters or typography, and no mojibake (ftfy's test)."""
    others = [ch for ch in text if not ch.isascii()]
    if not text or len(others) > MAX_WESTERN_SHARE * len(text):
        return False
    plausible = sum(ch.isalpha() or ch in _TYPOGRAPHY for ch in others)
    return plausible >= 0.8 * len(others) and not is_bad(text)


def _utf8_or_western(data: bytes, name: str) -> str:
    """UTF-8, or else Windows-1252 (the legacy encoding of English news) when the result reads as mostly
    plain text; anything else is refused rather than guessed into garbled characters that an answer
    would then quote."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = f"byte 0x{data[error.start]:02x} at position {error.start} is not UTF-8"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not _reads_as_western(text):
        raise InputError(
            f"{name}: cannot read the text: {problem}, and it does not read as Windows-1252 either; "
            "save the file as UTF-8 and try again"
        )
    return text


def decode_bytes(data: bytes, name: str, settings: Settings) -> str:
    """Decode ``data`` (from ``name``) to text, with a one-line error for unusable input."""
    if len(data) > settings.max_input_bytes:
        limit_mb = settings.max_input_bytes / (1024 * 1024)
        raise InputError(
            f"{name}: input is {len(data) / (1024 * 1024):.1f} MB, over the {limit_mb:.0f} MB limit; "
            "split it into one article per file"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if _looks_binary(data):
            raise InputError(f"{name}: looks like a binary file, not text; give a .txt, .html or .json article")
        text = _utf8_or_western(data, name)
    if not text.strip():
        raise InputError(f"{name}: the input is empty; give a file that holds an article")
    return text
