"""Logging filters. A refusal (403) is expected, everyday traffic: one line says who was
refused what, and a traceback would only bury real errors."""

import logging


class ForbiddenWithoutTraceback(logging.Filter):
    def filter(self, record):
        if getattr(record, "status_code", None) == 403 and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True
