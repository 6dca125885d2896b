"""The partnership's news in the open-data API (/api/v1/news/, hub/opendata).

Public content only.
"""

API = ()
