"""The demo's yearly reports: Westshire's published report for the last complete reporting
year, with its figures frozen, and a draft for the year in progress."""


def load(context):
    return None
