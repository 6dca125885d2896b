"""The permission action this domain adds (declared in domain.py, granted to partnership
admins): kept apart so the domain's modules can name it without importing the declaration."""

VIEW_ALL = "escalations.view_all"
