"""The document library in the open-data API (/api/v1/library/, hub/opendata).

Public content only.
"""

API = ()
