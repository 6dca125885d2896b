"""The training programme's periodic work, run by `manage.py run_jobs` every few minutes
(and by `run_training_jobs`, which can act as if it were another time)."""

from hub.training import services


def run_due(now):
    """Each step is idempotent, so a second run (or two at once) sends nothing twice.
    Offers first, so a place freed by an expired offer is offered on before anything else
    reads the session; registers before impact questions, which follow attendance."""
    return {
        "offers": services.offers_expire(now),
        "registers": services.registers_close_due(now),
        "reminders": services.reminders_send(now),
        "impact": services.impact_follow_ups_send(now),
        "lost": services.lost_emails_send(now),
    }
