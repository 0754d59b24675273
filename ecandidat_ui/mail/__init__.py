"""Mails: French templates, an outbox written with the change that causes a mail, a sender that retries."""
