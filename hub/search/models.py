"""The Hub's own search index: every text a visitor may search, split into chunks.

Each chunk knows where it comes from (`source_type` and `source_id`, declared by a domain),
where it leads (`url`), its title and the heading above its text, who may see it (its scope
and visibility), and its words. The full-text index over title, heading and text is the
database's own (hub/search/engine.py): on PostgreSQL a weighted `tsvector` column kept by a
trigger, with a GIN index; on SQLite an FTS5 table kept by triggers. Both are made by the
migration, so a chunk saved in any way is searchable at once.
"""

from django.db import models


class Visibility(models.TextChoices):
    PUBLIC = "public", "Everyone"
    SIGNED_IN = "signed_in", "Anyone signed in"
    RESTRICTED = "restricted", "The partnership's professionals"


AUDIENCES = {
    "professionals": "Professionals and volunteers",
    "parents": "Parents and carers",
    "young_people": "Children and young people",
}


class SearchChunk(models.Model):
    source_type = models.CharField(max_length=40)
    source_id = models.CharField(max_length=64)
    position = models.PositiveIntegerField(default=0)
    # Whose site shows it: a partnership's own, every partnership of a consortium (regional),
    # or every site (both blank).
    partnership = models.ForeignKey(
        "core.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    consortium = models.ForeignKey(
        "core.Consortium", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    kind = models.CharField(max_length=60, help_text="In words: 'Procedures', 'Document'.")
    title = models.CharField(max_length=300)
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    # Who it is written for, when its source says: words from AUDIENCES separated by spaces;
    # blank for everyone.
    audiences = models.CharField(max_length=60, null=True, blank=True)
    # How far it reaches, when its source says: "local", "regional" or "national".
    reach = models.CharField(max_length=10, null=True, blank=True)
    # Who may find it, as one word the full-text index holds beside the text (`scope_word`),
    # so the index itself keeps a visitor to what they may see.
    scope = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["source_type", "source_id"], name="hub_chunk_source")]

    def __str__(self):
        return f"{self.title} ({self.heading or self.position})"

    def save(self, *args, **kwargs):
        self.fill_scope()
        super().save(*args, **kwargs)

    def fill_scope(self):
        self.scope = scope_word(self.partnership_id, self.consortium_id, self.visibility)
        return self


LEVEL_WORDS = {Visibility.PUBLIC: "pub", Visibility.SIGNED_IN: "sig", Visibility.RESTRICTED: "res"}


def scope_word(partnership_id, consortium_id, visibility):
    """The word for a chunk's scope and visibility: 'hubp12pub' (partnership 12's, for
    everyone), 'hubc3res' (consortium 3's, for its professionals), 'huballsig' (every
    site's, for anyone signed in)."""
    level = LEVEL_WORDS[Visibility(visibility)]
    if partnership_id:
        return f"hubp{partnership_id}{level}"
    if consortium_id:
        return f"hubc{consortium_id}{level}"
    return f"huball{level}"


class Synonym(models.Model):
    """Words that mean the same to a practitioner: an acronym and its words, the old name of
    a procedure and the new. A search for any of them finds the others. Blank partnership:
    for every partnership's site."""

    partnership = models.ForeignKey(
        "core.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    term = models.CharField(max_length=80, help_text="For example: LADO")
    alternatives = models.TextField(
        help_text="One per line: what else people call it, for example 'local authority "
        "designated officer'."
    )

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "term"], name="one_synonym_per_term")
        ]

    def __str__(self):
        return self.term

    def members(self):
        """The term and its alternatives, in lower case, without blanks or repeats."""
        found = []
        for value in [self.term, *self.alternatives.splitlines()]:
            value = " ".join(value.split()).lower()
            if value and value not in found:
                found.append(value)
        return found


class SearchWord(models.Model):
    """A word of the index's public text, for "Did you mean …?" (hub/search/spelling.py):
    only words of chunks everyone may read, so a suggestion never reveals restricted text.
    On PostgreSQL a trigram index (pg_trgm) finds near spellings."""

    word = models.CharField(max_length=60, unique=True)
    chunks = models.PositiveIntegerField(default=1, help_text="How many public chunks use it.")

    def __str__(self):
        return self.word


class BestBet(models.Model):
    """An editor's pin: for this query (normalised), this result comes first on the
    partnership's site. `url` is the result's address on the site (a page, a document, a
    chapter); it must be one the index holds for that site."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    query = models.CharField(
        max_length=200,
        help_text="What people type, for example 'escalation'. Case and punctuation do not matter.",
    )
    url = models.CharField(
        "result's address",
        max_length=500,
        help_text="The address of the page, document or chapter on this site, for example "
        "/library/resolving-professional-differences/",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["query"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "query", "url"], name="one_best_bet_per_query_and_url"
            )
        ]

    def __str__(self):
        return f"{self.query} → {self.url}"


class QueryLog(models.Model):
    """One search, for the business unit's insight (hub/search/insight.py): the query
    normalised, only if the identifier guard passed it; its result count; the rank clicked;
    the day. Never a user, an IP address or a session. Deleted after 30 days."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    query = models.CharField(max_length=200)
    results = models.PositiveIntegerField()
    clicked_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    day = models.DateField(db_index=True)

    def __str__(self):
        return f"{self.day}: {self.query}"


class QueryMonth(models.Model):
    """A month's figures for one query typed at least 5 times that month; every rarer query
    is counted in the month's row with a blank query ("other")."""

    partnership = models.ForeignKey("core.Partnership", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    query = models.CharField(max_length=200, blank=True)
    searches = models.PositiveIntegerField(default=0)
    without_results = models.PositiveIntegerField(default=0)
    clicked = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month", "-searches"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "month", "query"], name="one_row_per_query_and_month"
            )
        ]

    def __str__(self):
        return f"{self.month:%B %Y}: {self.query or 'other'}"
