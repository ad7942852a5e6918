"""newsfaq: grounded reader FAQs from dated news articles.

Every answer is quoted from the article and cites it (sentence index and
character offsets into the body).
"""

__version__ = "0.1.0"

from newsfaq.errors import InputError, MissingDateError, NewsfaqError  # noqa: E402
from newsfaq.faq.questions import write_question  # noqa: E402
from newsfaq.faq.writer import make_faq  # noqa: E402
from newsfaq.ingest import iter_articles, load_article, parse_article  # noqa: E402
from newsfaq.model import FAQ, Article, Citation, QAPair, ResolvedDate, Sentence  # noqa: E402
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
    "iter_articles",
    "load_article",
    "make_faq",
    "parse_article",
    "write_question",
]
