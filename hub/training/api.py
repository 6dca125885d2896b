"""The training programme in the open-data API (/api/v1/training/, hub/opendata): public content
only.
"""

API = ()
