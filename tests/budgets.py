"""What the query-budget tests (tests/*/test_query_budget.py) share: a page fetched within
its budget, and a client signed in as someone."""

from django.test import Client

TEN_TIMES = 10


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def within_budget(assert_max_queries, client, url, budget):
    """The page at `url`, asserting it made at most `budget` queries. A first request warms
    the session and the per-process caches, which every later request finds warm."""
    assert client.get(url).status_code == 200
    with assert_max_queries(budget):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()
