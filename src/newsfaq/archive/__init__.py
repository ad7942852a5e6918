"""Many dated articles kept together, searched, asked and put on a timeline, over any ``store`` backend."""

from newsfaq.archive.adding import AddReport
from newsfaq.archive.archive import Archive, check_date

__all__ = ["AddReport", "Archive", "check_date"]
