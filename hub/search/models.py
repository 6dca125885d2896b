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

    class Meta:
        indexes = [models.Index(fields=["source_type", "source_id"], name="hub_chunk_source")]

    def __str__(self):
        return f"{self.title} ({self.heading or self.position})"


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
