from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One e-mail the site sends, kept from the moment it is written until it is delivered.

    Written in the same transaction as what caused it, delivered after commit,
    retried by the scheduler while the mail server is down (`operations.mail`).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed: no more attempts")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("written"))
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.PENDING,
        db_index=True,
        verbose_name=_("state"),
    )
    subject = models.CharField(max_length=998, verbose_name=_("subject"))
    from_email = models.CharField(max_length=254, verbose_name=_("sender"))
    # Lower-cased recipients, one per line, for look-ups by address (personal data).
    recipients = models.TextField(verbose_name=_("recipients"))
    message = models.JSONField(verbose_name=_("message"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("next attempt"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
