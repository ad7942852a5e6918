"""Many dated articles kept together, searched, asked and put on a timeline, over any ``store`` backend."""

from newsfaq.archive.archive import AddReport, Archive, check_date

__all__ = ["AddReport", "Archive", "check_date"]
