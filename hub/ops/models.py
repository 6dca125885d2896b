from django.db import models


class CacheEntry(models.Model):
    """The table of Django's database cache: where sign-in throttling and the worker's
    heartbeat are counted while Redis is unreachable (hub/ops/resilient_cache.py). The columns
    are the ones `createcachetable` makes, so the table comes with `migrate`."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "hub_cache_fallback"
        verbose_name = "cache entry kept while Redis is away"
        verbose_name_plural = "cache entries kept while Redis is away"

    def __str__(self):
        return self.cache_key
