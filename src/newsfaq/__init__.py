"""newsfaq: grounded reader FAQs from dated news articles, and a checker for
any FAQ or claim against its article.

Every answer is quoted from the article and cites it (sentence index and
character offsets into the body); every claim can be audited with ``check_claim``.
"""

from newsfaq.archive import Archive
from newsfaq.ask.answering import answer_question
from newsfaq.check.checker import check_claim, check_faq, check_many
from newsfaq.errors import InputError, MissingDateError, NewsfaqError
from newsfaq.faq.question_writing import write_question
from newsfaq.faq.writer import make_faq
from newsfaq.ingest import iter_articles, load_article, parse_article
from newsfaq.model import FAQ, Answer, Article, Citation, Evidence, QAPair, ResolvedDate, Sentence, Verdict
from newsfaq.service import Newsfaq
from newsfaq.settings import Reading, Settings
from newsfaq.store.base import ArchiveError
from newsfaq.version import __version__

__all__ = [
    "__version__",
    "FAQ",
    "Answer",
    "Archive",
    "ArchiveError",
    "Article",
    "Citation",
    "Evidence",
    "InputError",
    "MissingDateError",
    "Newsfaq",
    "NewsfaqError",
    "QAPair",
    "Reading",
    "ResolvedDate",
    "Sentence",
    "Settings",
    "Verdict",
    "answer_question",
    "check_claim",
    "check_faq",
    "check_many",
    "iter_articles",
    "load_article",
    "make_faq",
    "parse_article",
    "write_question",
]
