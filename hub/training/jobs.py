"""The training programme's periodic work, run by `manage.py run_jobs` every few minutes
(and by `run_training_jobs`, which can act as if it were another time)."""

from hub.training import services


def run_due(now):
    """Each step is idempotent, so a second run (or two at once) sends nothing twice.
    Offers first, so a place freed by an expired offer is offered on before anything else
    reads the session; registers before impact questions, which follow attendance."""
    return {
        "offers": services.expire_offers(now),
        "registers": services.close_due_registers(now),
        "reminders": services.send_reminders(now),
        "impact": services.send_impact_follow_ups(now),
        "lost": services.send_lost_emails(now),
    }
