"""The procedures in the open-data API (/api/v1/procedures/, hub/opendata): public content only."""

API = ()
