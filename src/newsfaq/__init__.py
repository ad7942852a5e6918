"""newsfaq: grounded reader FAQs from dated news articles, and a checker for
any FAQ or claim against its article.

Every answer is quoted from the article and cites it (sentence index and
character offsets into the body); every claim can be audited with ``check``.
"""

__version__ = "0.1.0"

from newsfaq.ask.answering import ask  # noqa: E402
from newsfaq.check.checker import check, check_faq, check_many  # noqa: E402
from newsfaq.errors import InputError, MissingDateError, NewsfaqError  # noqa: E402
from newsfaq.faq.questions import write_question  # noqa: E402
from newsfaq.faq.writer import make_faq  # noqa: E402
from newsfaq.ingest import iter_articles, load_article, parse_article  # noqa: E402
from newsfaq.model import FAQ, Answer, Article, Citation, Evidence, QAPair, ResolvedDate, Sentence, Verdict  # noqa: E402
from newsfaq.settings import Settings  # noqa: E402
from newsfaq.store.archive import Archive  # noqa: E402
from newsfaq.store.sqlite import ArchiveError  # noqa: E402

__all__ = [
    "FAQ",
    "Answer",
    "Archive",
    "ArchiveError",
    "Article",
    "Citation",
    "Evidence",
    "InputError",
    "MissingDateError",
    "NewsfaqError",
    "QAPair",
    "ResolvedDate",
    "Sentence",
    "Settings",
    "Verdict",
    "ask",
    "check",
    "check_faq",
    "check_many",
    "iter_articles",
    "load_article",
    "make_faq",
    "parse_article",
    "write_question",
]
