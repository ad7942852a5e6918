"""The ``newsfaq`` command line: a thin face over the Python API."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.text import Text

from newsfaq.check.cascade import judge_mode
from newsfaq.check.faq_input import read_faq
from newsfaq.check.pairs import BadLine, read_pairs, verdict_line
from newsfaq.engines import FAQ_WRITER, READER
from newsfaq.errors import InputError, NewsfaqError, NotFound, describe
from newsfaq.faq.short_answers import answer_style
from newsfaq.ingest import expand_paths, iter_articles, iter_parsed, load_article, parse_article, read_limited
from newsfaq.model import Article
from newsfaq.render import RENDERERS, render_faq
from newsfaq.render.answers import answer_markup, hits_markup, timeline_markup
from newsfaq.render.archive_json import articles_json
from newsfaq.render.report import report_markup
from newsfaq.service import Newsfaq, split_inputs
from newsfaq.settings import DEFAULT_SETTINGS, Settings
from newsfaq.store.base import ArchiveError
from newsfaq.store.opening import display_name, is_postgres_url
from newsfaq.version import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Grounded reader FAQs from dated news articles.")
errors = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
"""Messages carry user text (paths, ids, dates): never read as Rich markup, styled with ``Text`` instead."""
SUFFIXES = {"md": ".md", "json": ".json", "html": ".html", "jsonld": ".jsonld"}
FLAGS = {
    "as_of": "--as-of", "since": "--since", "until": "--until", "date": "--date", "article.date": "--date",
    "question": "the question", "query": "the search query", "format": "--format", "judge": "--judge",
    "engine": "--engine", "faq": "--faq FILE", "claims": "--claim", "answers": "--answers",
}  # fmt: skip
"""How the CLI names the fields that errors carry (``errors.describe``)."""
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
FEED_ITEM = re.compile(r"(?::\d+|\[\d+\])$")


def _say(label: str, style: str, message: str) -> None:
    errors.print(Text.assemble((label, style), " ", message))


def _fail(message: str) -> None:
    _say("newsfaq: error:", "bold red", message)


def _skipped(error: NewsfaqError | str) -> None:
    _say("skipped", "yellow", describe(error, FLAGS) if isinstance(error, NewsfaqError) else error)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfaq {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Grounded reader FAQs from dated news articles."""


def _stdin(settings: Settings) -> bytes:
    return read_limited(sys.stdin.buffer, "<stdin>", settings)


def _inputs(paths: list[str], date: str | None, input_format: str, settings: Settings):
    if paths == ["-"]:
        return iter_parsed(_stdin(settings), name="<stdin>", date=date, format=input_format, settings=settings)
    return iter_articles(paths, date=date, format=input_format, settings=settings)


def _load(path: str, date: str | None, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """One article from a file, or from standard input for ``-``."""
    if path == "-":
        return parse_article(_stdin(settings), name="<stdin>", date=date, settings=settings)
    return load_article(path, date=date, settings=settings)


def _source_file(name: str) -> str:
    """The file an item came from: feed items are named 'feed.jsonl:3' or 'feed.json[2]' (a file whose own
    name ends so is still a file)."""
    return name if Path(name).is_file() else FEED_ITEM.sub("", name)


def _safe(text: str) -> str:
    """A file-name part: letters, digits, dot, dash and underscore only, no leading dot (never '..')."""
    return SAFE_NAME.sub("_", text).lstrip(".")[:80]


def _output_name(name: str, article: Article, fmt: str, taken: set[str]) -> str:
    """``feed-<record id>.faq.md`` for a feed item, ``<file stem>.faq.md`` for a file; sanitised, so it
    never leaves the output directory, and made unique with a number when two items would clash."""
    file_name = _source_file(name)
    stem = _safe(Path(file_name).stem) or article.id
    stem += f"-{_safe(article.source_id or '') or article.id}" if file_name != name else ""
    chosen, copy = f"{stem}.faq{SUFFIXES[fmt]}", 1
    while chosen in taken:
        copy += 1
        chosen = f"{stem}-{copy}.faq{SUFFIXES[fmt]}"
    taken.add(chosen)
    return chosen


@app.command()
def faq(
    articles: Annotated[list[str], typer.Argument(help="Article file(s), a directory, or - for stdin.")],
    count: Annotated[int, typer.Option("-n", "--count", min=1, max=50, help="Most questions per FAQ.")] = 8,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, json, html or jsonld.")] = "md",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (one article) or directory (many).")
    ] = None,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD when the input has none.")] = None,
    input_format: Annotated[str, typer.Option(help="auto, text, html or json.")] = "auto",
    engine: Annotated[
        str | None,
        typer.Option(
            help="Who writes the questions: fast (rules), model (the local model beside the rules, every question "
            "checked; about a minute an article on 2 cores) or auto (model when installed). Default: "
            "$NEWSFAQ_FAQ_ENGINE, else auto for one article and fast for many."
        ),
    ] = None,
    llm_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint serving the model (default $NEWSFAQ_LLM_URL).")
    ] = None,
    answers: Annotated[
        str,
        typer.Option(
            help="quote (the article's sentences) or short (also a few words by the model, shown only when the "
            "checker finds them supported by the quote; needs the model, about 3 s an item)."
        ),
    ] = "quote",
) -> None:
    """Write the FAQ for each article: every answer quoted from the article, with citations."""
    if fmt not in RENDERERS:
        _fail(f"unknown format {fmt!r}; use one of {', '.join(RENDERERS)}")
        raise typer.Exit(2)
    many = articles != ["-"] and (len(articles) > 1 or Path(articles[0]).is_dir())
    if engine is None and many:
        engine = os.environ.get("NEWSFAQ_FAQ_ENGINE") or "fast"  # batch work chooses the model explicitly
    settings = Settings(max_questions=count, faq_engine=engine, llm_url=llm_url, answers=answers)
    run = _run_many if many else _run_one
    failures = []

    def write_all() -> None:
        FAQ_WRITER.engine(engine)  # a wrong engine or answer style is one line before any article is read
        answer_style(answers)
        failures.append(run(articles, fmt, output, date, input_format, settings))

    _guard(write_all)
    if any(failures):
        raise typer.Exit(1)


def _run_one(paths, fmt, output, date, input_format, settings) -> int:
    results = list(_inputs(paths, date, input_format, settings))
    if len(results) > 1:
        if output is None:
            raise NewsfaqError(f"{paths[0]} holds {len(results)} articles; pass -o DIRECTORY for one FAQ each")
        return _write_many(results, fmt, output, settings, None)
    name, result = results[0]
    if isinstance(result, NewsfaqError):
        raise result
    with _progress() as progress:
        written = Newsfaq(settings=settings).faq(
            result,
            progress=_bar(progress, "Writing questions with the model"),
            answer_progress=_bar(progress, "Writing short answers"),
        )
    _emit(render_faq(written, fmt), output)
    return 0


def _emit(text: str, output: Path | None) -> None:
    """Write to the output file, or to standard output when there is none."""
    if output is None:
        sys.stdout.write(text)
        return
    with _open_output(output) as handle:
        handle.write(text)


def _open_output(output: Path):
    """The output file opened for writing, or a one-line error naming what stops it."""
    if output.is_dir():
        raise InputError(f"-o {output} is a directory; give a file name (a directory is for many articles)")
    try:
        return output.open("w", encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"-o {output}: cannot write there ({reason}); check that its directory exists") from None


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=errors,
        transient=True,
    )


def _run_many(paths, fmt, output, date, input_format, settings) -> int:
    files = expand_paths(paths)
    if not files:
        raise NewsfaqError(f"no article files (.txt, .html, .json, .jsonl, .md) under {', '.join(paths)}")
    with _progress() as progress:
        task = progress.add_task("Writing FAQs", total=len(files))
        results = _advance_per_file(_inputs([str(f) for f in files], date, input_format, settings), progress, task)
        return _write_many(results, fmt, output, settings, progress)


def _advance_per_file(results, progress, task):
    """Advance the bar once per input file (a feed file may hold many articles)."""
    current = None
    for name, result in results:
        file_name = _source_file(name)
        if current is not None and file_name != current:
            progress.advance(task)
        current = file_name
        yield name, result
    progress.advance(task)


def _write_many(results, fmt, output: Path | None, settings: Settings, progress) -> int:
    if output is not None:
        if output.exists() and not output.is_dir():
            raise NewsfaqError(f"-o {output} is a file; with many articles -o must be a directory")
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise NewsfaqError(f"-o {output}: cannot create the directory ({error.strerror or error})") from None
    failures = written = 0
    taken: set[str] = set()
    core = Newsfaq(settings=settings)
    for name, result in results:
        if isinstance(result, NewsfaqError):
            failures += 1
            _skipped(result)
            continue
        text = render_faq(core.faq(result), fmt)
        written += 1
        if output is None:
            sys.stdout.write(text.replace("\n", " ") + "\n" if fmt in ("json", "jsonld") else text + "\n---\n\n")
        else:
            _emit(text, output / _output_name(name, result, fmt, taken))
    errors.print(f"{written} FAQ(s) written, {failures} input(s) skipped", highlight=False)
    return failures


@app.command()
def check(
    article: Annotated[
        str | None, typer.Argument(help="Article file whose FAQ (or --faq / --claim) is checked.")
    ] = None,
    faq_file: Annotated[Path | None, typer.Option("--faq", help="FAQ to check: markdown or newsfaq JSON.")] = None,
    claims: Annotated[list[str] | None, typer.Option("--claim", help="A claim to check (repeatable).")] = None,
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help='Batch: JSONL lines {"id", "document", "claim"}.')
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="report or json.")] = "report",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD when the input has none.")] = None,
    judge: Annotated[
        str | None,
        typer.Option(
            help="Model judge: off (fast engine only), auto (the judge decides the uncertain claims when the "
            "model is installed) or always (every claim not quoted word for word, not contradicted and not "
            "lacking a number or date). Default: $NEWSFAQ_JUDGE or auto."
        ),
    ] = None,
    llm_url: Annotated[
        str | None,
        typer.Option(
            "--llm-url",
            help="Judge with the model behind this OpenAI-compatible endpoint (llama.cpp server, vLLM) instead of "
            "the local one. Default: $NEWSFAQ_LLM_URL.",
        ),
    ] = None,
) -> None:
    """Check an FAQ or claims against the article: supported, unsupported or contradicted, with evidence."""
    skipped = []
    options = Settings(require_date=False, judge=judge, llm_url=llm_url)

    def work() -> None:
        judge_mode(options.judge)  # a wrong mode is refused before any work
        if pairs is not None:
            skipped.append(_check_pairs(pairs, output, options))
        elif article is None:
            raise InputError("give an ARTICLE to check (or --pairs FILE for a batch)")
        else:
            _check_article(article, faq_file, claims or [], fmt, output, date, options)

    _guard(work)
    if any(skipped):
        raise typer.Exit(1)


def _check_article(path: str, faq_file, claims: list[str], fmt: str, output, date, settings: Settings) -> None:
    if fmt not in ("report", "json"):
        raise InputError(f"unknown format {fmt!r}; use report or json")
    loaded = _load(path, date, settings)
    faq = read_faq(faq_file) if faq_file and not claims else None  # claims, when given, are what is checked
    with _progress() as progress:
        report = Newsfaq(settings=settings).check(
            loaded, claims=claims or None, faq=faq, judge_progress=_bar(progress, "Judging uncertain claims")
        )
    results = report.items
    if fmt == "json":
        _emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", output)
        return
    if output is None:
        Console().print(report_markup(results), soft_wrap=True, highlight=False)
        return
    with _open_output(output) as handle:
        Console(file=handle, no_color=True).print(report_markup(results), soft_wrap=True, highlight=False)


def _bar(progress: Progress, description: str) -> Callable[[int, int], None]:
    """A progress callback that adds its bar at the first call (when the total is known: how many claims the
    judge reads, how many questions the model writes)."""
    task: list[TaskID] = []

    def advance(done: int, total: int) -> None:
        if not task:
            task.append(progress.add_task(description, total=total))
        progress.update(task[0], completed=done)

    return advance


def _check_pairs(path: Path, output: Path | None, settings: Settings) -> int:
    if not path.is_file():
        raise InputError(f"{path}: no such file; check the path")
    with path.open(encoding="utf-8", errors="replace") as handle:
        lines = list(read_pairs(handle))
    bad = [line for line in lines if isinstance(line, BadLine)]
    good = [line for line in lines if not isinstance(line, BadLine)]
    for line in bad:
        _skipped(f"{path}: {line.message}")
    with _progress() as progress:
        task = progress.add_task("Checking claims", total=len(good))
        verdicts = Newsfaq(settings=settings).check_pairs(
            [(pair.document, pair.claim) for pair in good],
            progress=lambda n: progress.advance(task, n),
            judge_progress=_bar(progress, "Judging uncertain claims"),
            processes=os.cpu_count() or 1,
        )
    _emit("".join(verdict_line(pair, verdict) + "\n" for pair, verdict in zip(good, verdicts, strict=True)), output)
    errors.print(f"{len(good)} claim(s) checked, {len(bad)} line(s) skipped", highlight=False)
    return len(bad)


DB_OPTION = typer.Option(
    "--db", envvar="NEWSFAQ_DB", help="Archive: a SQLite file, or a PostgreSQL database as postgresql://user@host/name."
)
FORMAT_OPTION = typer.Option("--format", "-f", help="text or json.")
DEFAULT_DB = "newsfaq.db"


def _core(db: str, create: bool = False, read_only: bool = False, settings: Settings = DEFAULT_SETTINGS) -> Newsfaq:
    """The core over the archive ``db`` names (a SQLite file or a PostgreSQL URL)."""
    return Newsfaq(db, create=create, read_only=read_only, settings=settings)


def _text_or_json(fmt: str) -> None:
    if fmt not in ("text", "json"):
        raise InputError(f"unknown format {fmt!r}; use text or json")


def _show(fmt: str, data: dict, markup: str) -> None:
    """Print a result as its versioned JSON (``--format json``) or as Rich markup for people."""
    if fmt == "json":
        _print_json(data)
    else:
        Console().print(markup, soft_wrap=True, highlight=False)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _guard(work) -> None:
    """Run a command body; a NewsfaqError becomes a one-line error and exit 1."""
    try:
        work()
    except NewsfaqError as error:
        _fail(describe(error, FLAGS))
        raise typer.Exit(1) from None


@app.command()
def add(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories or JSONL feeds.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    date: Annotated[str | None, typer.Option(help="Publication date for inputs that have none.")] = None,
) -> None:
    """Add articles to the archive (each stored once; copies of one story are grouped)."""
    failures = []

    def work() -> None:
        if paths == ["-"]:
            results = _inputs(paths, date, "auto", DEFAULT_SETTINGS)
        else:
            files = expand_paths(paths)
            if not files:
                raise InputError(f"no article files under {', '.join(paths)}")
            results = iter_articles([str(f) for f in files], date=date)
        articles, failed = split_inputs(results)
        for _, failure in failed:
            failures.append(failure)
            _skipped(failure)
        with _core(db, create=True) as core, _progress() as progress:
            report = core.add(articles, progress=_bar(progress, "Adding articles"))
        for _, reason in report.failed:
            failures.append(reason)
            _skipped(reason)
        errors.print(
            f"{report.added} added ({report.grouped} as copies of a stored story), "
            f"{report.duplicates} already stored, {len(failures)} skipped; {display_name(db)}"
        )

    _guard(work)
    if failures:
        raise typer.Exit(1)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    article: Annotated[str | None, typer.Option(help="Answer from this one article file instead.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Answer as the archive stood on YYYY-MM-DD.")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles dated on or before YYYY-MM-DD.")] = None,
    fmt: Annotated[str, FORMAT_OPTION] = "text",
    date: Annotated[str | None, typer.Option(help="Date for an --article file that has none.")] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            help="Who reads: fast (the trained reader), model (the local model reads the best sentences; a few "
            "seconds a question on 2 cores) or auto (model when installed). Default: $NEWSFAQ_ASK_ENGINE, else auto."
        ),
    ] = None,
    llm_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint serving the model (default $NEWSFAQ_LLM_URL).")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Answer only when confident: fewer answers, more of them right.")
    ] = False,
) -> None:
    """Answer a question from the archive (or one article), citing the sentence and its date."""

    def work() -> None:
        _text_or_json(fmt)
        settings = Settings(llm_url=llm_url)
        READER.model(engine, llm_url)  # a wrong or missing engine is refused before the article or archive is read
        if article is not None:
            answer = Newsfaq(settings=settings).ask(
                question, article=_load(article, date), engine=engine, strict=strict
            )
        else:
            with _core(db, settings=settings) as core:
                answer = core.ask(question, as_of=as_of, since=since, until=until, engine=engine, strict=strict)
        _show(fmt, answer.to_dict(), answer_markup(answer))

    _guard(work)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    limit: Annotated[int, typer.Option("-n", "--limit", min=1, max=500)] = 10,
    since: Annotated[str | None, typer.Option(help="Only articles dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles dated on or before YYYY-MM-DD.")] = None,
    fmt: Annotated[str, FORMAT_OPTION] = "text",
) -> None:
    """Sentences that match the query, most relevant first, with their articles and dates."""

    def work() -> None:
        _text_or_json(fmt)
        with _core(db) as core:
            results = core.search(query, limit, since, until)
        _show(fmt, results.to_dict(), hits_markup(results.hits))

    _guard(work)


@app.command()
def timeline(
    entity: Annotated[str, typer.Argument(help="A name or phrase, e.g. al-Sudani.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    fmt: Annotated[str, FORMAT_OPTION] = "text",
) -> None:
    """Dated sentences that name the entity, oldest first, each with its source."""

    def work() -> None:
        _text_or_json(fmt)
        with _core(db) as core:
            timeline = core.timeline(entity)
        _show(fmt, timeline.to_dict(), timeline_markup(timeline.entries))

    _guard(work)


@app.command("list")
def list_articles(db: Annotated[str, DB_OPTION] = DEFAULT_DB, fmt: Annotated[str, FORMAT_OPTION] = "text") -> None:
    """Every stored article: id, date, story group and title."""

    def work() -> None:
        _text_or_json(fmt)
        with _core(db) as core:
            stored_articles = core.articles()
        if fmt == "json":
            _print_json(articles_json(stored_articles))
            return
        for stored in stored_articles:
            a = stored.article
            copy = f"  (copy of {stored.group})" if stored.group != a.id else ""
            typer.echo(f"{a.id}  {a.date or 'undated'}  {a.title or a.body[:60].strip()}{copy}")

    _guard(work)


@app.command()
def remove(
    article_id: Annotated[str, typer.Argument(help="Id from `newsfaq list`.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
) -> None:
    """Remove one article and its sentences from the archive."""

    def work() -> None:
        with _core(db) as core:
            try:
                core.remove(article_id)
            except NotFound as error:
                raise NotFound(f"{error}; see `newsfaq list --db {display_name(db)}`", field=error.field) from None
        errors.print(f"removed {article_id}")

    _guard(work)


@app.command()
def stats(db: Annotated[str, DB_OPTION] = DEFAULT_DB) -> None:
    """How many articles and story groups the archive holds, and its date range."""

    def work() -> None:
        with _core(db) as core:
            figures = core.stats()
        for key, value in figures.items():
            typer.echo(f"{key}: {value}")

    _guard(work)


db_app = typer.Typer(no_args_is_help=True, help="The archive's schema: created and migrated by newsfaq itself.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(db: Annotated[str, DB_OPTION] = DEFAULT_DB) -> None:
    """Create the archive's schema in an empty PostgreSQL database, or migrate an archive to this newsfaq's
    schema. Reading commands never do either; ``add`` does it too."""

    def work() -> None:
        if not is_postgres_url(db) and not Path(db).exists():  # a typo must not become a new, empty archive
            raise ArchiveError(f"no archive at {db}; create one with: newsfaq add FILES --db {db}")
        with _core(db, create=True) as core:
            count = core.count()
        errors.print(f"{display_name(db)}: the schema is current ({count} article(s))", highlight=False)

    _guard(work)


def _check_port(host: str, port: int) -> None:
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise InputError(f"cannot listen on {host}:{port} ({reason}); pick another with --port") from None


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="NEWSFAQ_DB", help="Archive to ask and browse (optional): a file or a URL."),
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes for the NLP work (1: a thread in the server).")
    ] = 1,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Let HTTP clients add and remove archived articles.")
    ] = False,
    llm_url: Annotated[
        str | None,
        typer.Option("--llm-url", help="The checker's judge model behind this OpenAI-compatible endpoint."),
    ] = None,
) -> None:
    """Start the web page and the JSON API (docs at /docs)."""

    def work() -> None:
        import uvicorn

        if llm_url:
            os.environ["NEWSFAQ_LLM_URL"] = llm_url  # read by every worker, threads and forked processes alike
        judge_mode(None)  # a wrong $NEWSFAQ_JUDGE or $NEWSFAQ_FAQ_ENGINE stops the start, not every request
        FAQ_WRITER.engine(None)
        READER.engine(None)

        from newsfaq.web.app import create_app

        # Fail here, in one line, rather than in the server's start-up.
        if db is not None:
            _core(db, create=allow_writes, read_only=not allow_writes).close()
        _check_port(host, port)
        if host not in ("127.0.0.1", "localhost", "::1"):
            reach = "use the API and change the archive" if allow_writes else "use the API"
            _say("warning:", "yellow", f"no authentication: anyone who can reach {host} can {reach}")
        errors.print(f"newsfaq serving on http://{host}:{port}  (API docs at /docs)", highlight=False)
        app = create_app(db, allow_writes=allow_writes, workers=workers)
        uvicorn.run(app, host=host, port=port, log_level="warning")

    _guard(work)


batch_app = typer.Typer(
    no_args_is_help=True,
    help="Batch work on a Dask cluster: a local one (--workers) or a running scheduler (--scheduler).",
)
app.add_typer(batch_app, name="batch")
OUT_OPTION = typer.Option("--out", help="Output folder or fsspec URL: shards, failures and manifest.json.")
WORKERS_OPTION = typer.Option(min=1, max=256, help="Worker processes of the local cluster (ignored with --scheduler).")
SCHEDULER_OPTION = typer.Option(help="A running Dask scheduler, e.g. tcp://host:8786; none: a local cluster.")
PARTITION_OPTION = typer.Option(min=1, max=100_000, help="Items per task and per shard.")


def _run_batch(job, inputs: list[str], out: str, workers: int, scheduler: str | None, partition_size: int) -> None:
    """Run a batch with a live progress bar; the summary goes to standard error, and exit status 1 says some
    inputs failed (each named, with its reason, under OUT/failures)."""
    from newsfaq.batch.runner import run

    def summary_line(done) -> str:
        rate = done.items / done.seconds if done.seconds else 0.0
        return (
            f"{done.items} item(s) in {done.partitions} partition(s), {rate:.1f}/s; {done.written} written, "
            f"{done.failed} failed; {done.skipped} partition(s) already done; {out}/manifest.json"
        )

    _with_progress(lambda **live: run(job, inputs, out, workers=workers, scheduler=scheduler,
                                      partition_size=partition_size, **live), summary_line)  # fmt: skip


def _with_progress(start, summary_line) -> None:
    """Run ``start(progress=, started=)`` with a live bar meanwhile (items done, rate, failures, time left, and
    the Dask dashboard's address when it has one), then print ``summary_line`` of its summary on standard error;
    exit status 1 when an input failed. A NewsfaqError is a one-line error and exit 1."""
    summary = []

    def work() -> None:
        with _progress() as progress:
            task = progress.add_task("Planning partitions (reading the inputs)", total=None)

            def started(dashboard: str | None) -> None:
                progress.update(task, description="Working" + (f" (dashboard {dashboard})" if dashboard else ""))

            def advanced(so_far, total: int) -> None:
                failed = f", {so_far.failed} failed" if so_far.failed else ""
                progress.update(task, total=total, completed=so_far.items, description=f"Working{failed}")

            summary.append(start(progress=advanced, started=started))

    _guard(work)
    errors.print(summary_line(summary[0]), highlight=False)
    if summary[0].failed:
        raise typer.Exit(1)


@batch_app.command("faq")
def batch_faq(
    inputs: Annotated[list[str], typer.Argument(help="JSONL feeds, article files, directories, globs or URLs.")],
    out: Annotated[str, OUT_OPTION],
    workers: Annotated[int, WORKERS_OPTION] = 2,
    scheduler: Annotated[str | None, SCHEDULER_OPTION] = None,
    partition_size: Annotated[int, PARTITION_OPTION] = 500,
    count: Annotated[int, typer.Option("-n", "--count", min=1, max=50, help="Most questions per FAQ.")] = 8,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that have none.")] = None,
    engine: Annotated[str, typer.Option(help="fast (rules) or model (the local model on every worker).")] = "fast",
) -> None:
    """Write every article's FAQ (newsfaq.faq/1, one per line), resumably: a rerun skips what is done."""
    from newsfaq.batch.jobs import Job

    _guard(lambda: FAQ_WRITER.engine(engine))
    _run_batch(Job("faq", date=date, count=count, engine=engine), inputs, out, workers, scheduler, partition_size)


@batch_app.command("check")
def batch_check(
    pairs: Annotated[str, typer.Option("--pairs", help='JSONL lines {"id", "document", "claim"}.')],
    out: Annotated[str, OUT_OPTION],
    workers: Annotated[int, WORKERS_OPTION] = 2,
    scheduler: Annotated[str | None, SCHEDULER_OPTION] = None,
    partition_size: Annotated[int, PARTITION_OPTION] = 500,
    judge: Annotated[str, typer.Option(help="off, auto or always (the model judge on every worker).")] = "off",
) -> None:
    """Check every claim against its document (check --pairs lines), resumably: a rerun skips what is done."""
    from newsfaq.batch.jobs import Job

    _guard(lambda: judge_mode(judge))
    _run_batch(Job("check", judge=judge), [pairs], out, workers, scheduler, partition_size)


@batch_app.command("add")
def batch_add(
    inputs: Annotated[list[str], typer.Argument(help="JSONL feeds, article files, directories, globs or URLs.")],
    db: Annotated[str, DB_OPTION] = DEFAULT_DB,
    workers: Annotated[int, WORKERS_OPTION] = 2,
    scheduler: Annotated[str | None, SCHEDULER_OPTION] = None,
    partition_size: Annotated[int, PARTITION_OPTION] = 500,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that have none.")] = None,
) -> None:
    """Add articles to the archive, each once and whole: workers read and embed; this process writes a SQLite
    file, the workers write a PostgreSQL archive."""
    from newsfaq.batch.jobs import Job
    from newsfaq.batch.runner import run_add

    def failed(line: str) -> None:
        record = json.loads(line)
        _skipped(f"{record['item']}: {record['error'].removeprefix(record['item'] + ': ')}")

    def summary_line(done) -> str:
        report = done.added
        return (
            f"{report.added} added ({report.grouped} as copies of a stored story), {report.duplicates} already "
            f"stored, {done.failed} skipped, in {done.seconds:.1f} s; {done.skipped} partition(s) already done; "
            f"{display_name(db)}"
        )

    _with_progress(lambda **live: run_add(Job("add", date=date), inputs, db, workers=workers, scheduler=scheduler,
                                          partition_size=partition_size, failed=failed, **live),
                   summary_line)  # fmt: skip
