import time

from django.core.management.base import BaseCommand

from hub.search import indexing
from hub.search.models import SearchChunk
from hub.search.spelling import rebuild_words


class Command(BaseCommand):
    help = (
        "Index everything a visitor may search again, from what each domain declares "
        "(pages, library documents, procedures, glossary, courses). Safe while the site runs: "
        "each type is replaced in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", action="append", metavar="TYPE", help="Only this type (repeatable)."
        )

    def handle(self, *args, only=None, **options):
        known = [searchable.kind for searchable in indexing.searchables()]
        unknown = sorted(set(only or ()) - set(known))
        if unknown:
            self.stderr.write(
                f"Unknown type {', '.join(unknown)}; the types are {', '.join(known)}."
            )
            return
        started = time.perf_counter()
        written = indexing.rebuild(only)
        # The word list for "Did you mean …?" follows the public chunks of every type.
        words = rebuild_words() if only is None else None
        seconds = time.perf_counter() - started
        for kind, count in written.items():
            self.stdout.write(f"{kind}: {count} chunks")
        if words is not None:
            self.stdout.write(f"words for 'Did you mean': {words}")
        self.stdout.write(
            f"{sum(written.values())} chunks in {seconds:.1f} s; "
            f"the index holds {SearchChunk.objects.count()}."
        )
