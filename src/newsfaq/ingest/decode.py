"""Turning raw bytes into text, refusing what is not a readable text file."""

from __future__ import annotations

import charset_normalizer

from newsfaq.errors import InputError
from newsfaq.settings import Settings

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) | {127}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(2, len(sample) // 100)


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
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                raise InputError(
                    f"{name}: cannot tell the text encoding; save the file as UTF-8 and try again"
                ) from None
            text = str(best)
    if not text.strip():
        raise InputError(f"{name}: the input is empty; give a file that holds an article")
    return text
