"""newsfaq: grounded reader FAQs from dated news articles, and a checker for
any FAQ or claim against its article.

Every answer is quoted from the article and cites it (sentence index and
character offsets into the body); every claim can be audited with ``check``.
"""

__version__ = "0.1.0"

from newsfaq.check.checker import check, check_faq, check_many  # noqa: E402
from newsfaq.errors import InputError, MissingDateError, NewsfaqError  # noqa: E402
from newsfaq.faq.questions import write_question  # noqa: E402
from newsfaq.faq.writer import make_faq  # noqa: E402
from newsfaq.ingest import iter_articles, load_article, parse_article  # noqa: E402
from newsfaq.model import FAQ, Article, Citation, QAPair, ResolvedDate, Sentence, Verdict  # noqa: E402
from newsfaq.settings import Settings  # noqa: E402

__all__ = [
    "FAQ",
    "Article",
    "Citation",
    "InputError",
    "MissingDateError",
    "NewsfaqError",
    "QAPair",
    "ResolvedDate",
    "Sentence",
    "Settings",
    "Verdict",
    "check",
    "check_faq",
    "check_many",
    "iter_articles",
    "load_article",
    "make_faq",
    "parse_article",
    "write_question",
]
