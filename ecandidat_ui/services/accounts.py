"""The candidate's account: creation, validation by mail, sign-in, forgotten identifiers, changes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select, update

from ecandidat_ui import language, messages, metrics, security
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import now_text, render
from ecandidat_ui.services import fields, parameters, throttle
from ecandidat_ui.services.cas import CasUser
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.sessions import SessionService
from ecandidat_ui.settings import Settings
from models import Account, AccountToken, IssuedLogin, Student, TokenPurpose
from models.clock import utcnow

log = logging.getLogger(__name__)
RESET_LINK_LIFETIME = timedelta(hours=1)
NAME_MAX = {"last_name": 30, "first_name": 20}


class LinkState(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"
    USED = "used"
    REPLACED = "replaced"
    EXPIRED = "expired"


LINK_MESSAGES = {
    LinkState.UNKNOWN: messages.LINK_UNKNOWN,
    LinkState.USED: messages.LINK_USED,
    LinkState.REPLACED: messages.LINK_REPLACED,
    LinkState.EXPIRED: messages.LINK_EXPIRED,
}


@dataclass(frozen=True)
class ValidationOutcome:
    """What following a validation link did."""

    state: LinkState
    login: str = ""
    needs_password: bool = False

    @property
    def message(self) -> str:
        if self.state is LinkState.VALID:
            return messages.VALIDATED
        if self.state is LinkState.USED:
            return messages.ALREADY_VALIDATED
        if self.state is LinkState.UNKNOWN:
            return messages.UNKNOWN_LINK
        return language.translate(LINK_MESSAGES[self.state])


class AccountService:
    def __init__(self, db: Database, settings: Settings, sessions: SessionService) -> None:
        self.db = db
        self.settings = settings
        self.sessions = sessions

    # --- creation and validation -------------------------------------------------------------------

    def create(self, last_name: str, first_name: str, mail: str, mail_confirmation: str) -> Account:
        values = self._identity(last_name, first_name, mail, mail_confirmation)
        try:
            with self.db.session() as session:
                if self._by_mail(session, values["mail"]):
                    raise InvalidInput({"mail": messages.MAIL_ALREADY_USED})
                account = Account(
                    login=self._issue_login(session),
                    last_name=values["last_name"],
                    first_name=values["first_name"],
                    mail=values["mail"],
                    mail_key=fields.mail_key(values["mail"]),
                    language=language.current(),  # the language of the page where the account was created
                )
                session.add(account)
                session.flush()
                self._send_validation_link(session, account, "account_created")
                return account
        except IntegrityError:  # the same address created at the same instant by another request
            raise InvalidInput({"mail": messages.MAIL_ALREADY_USED}) from None

    def choose_language(self, actor: str, chosen: str) -> None:
        """The language of this candidate's pages, mails and PDFs (pages/language.py: the header's switch)."""
        with self.db.session() as session:
            account = self.sessions.check(session, actor)
            account.language = language.supported(chosen)
            session.add(account)

    def follow_validation_link(self, token: str) -> ValidationOutcome:
        """Validate the account of the link. The link stays usable to choose a password until one is set."""
        with self.db.session() as session:
            row, state = self._token(session, token, TokenPurpose.VALIDATION)
            if state is not LinkState.VALID:
                login = session.get(Account, row.account_id).login if row else ""
                return ValidationOutcome(state, login)
            account = session.get(Account, row.account_id)
            now = utcnow()
            account.validated_at = account.validated_at or now
            account.mail_confirmed = True
            if account.password_hash:
                row.used_at = now
            return ValidationOutcome(LinkState.VALID, account.login, needs_password=not account.password_hash)

    def reset_link_state(self, token: str) -> tuple[LinkState, str]:
        with self.db.session() as session:
            row, state = self._token(session, token, TokenPurpose.PASSWORD_RESET)
            login = session.get(Account, row.account_id).login if row else ""
            return state, login

    def set_password_from_link(self, token: str, purpose: TokenPurpose, password: str, confirmation: str) -> str:
        """Set the password chosen on a validation or reset page; returns the login."""
        with self.db.session() as session:
            row, state = self._token(session, token, purpose)
            if state is not LinkState.VALID:
                raise Refused(language.translate(LINK_MESSAGES[state]))
            account = session.get(Account, row.account_id)
            if purpose is TokenPurpose.VALIDATION and account.password_hash:
                raise Refused(language.translate(LINK_MESSAGES[LinkState.USED]))
            self._check_new_password(account, password, confirmation)
            account.password_hash = security.hash_password(password)
            now = utcnow()
            account.validated_at = account.validated_at or now
            account.mail_confirmed = True
            row.used_at = now
            self._revoke(session, account.id, purpose)
            throttle.forget_sign_in_failures(session, account.id)
            if purpose is TokenPurpose.PASSWORD_RESET:
                self.sessions.end_all(session, account.id)
                self._mail(session, account, "password_changed", date=now_text(), lien=self.settings.link("/"))
            return account.login

    # --- sign-in -----------------------------------------------------------------------------------

    def sign_in(self, login_or_mail: str, password: str, address: str) -> str:
        """Check the credentials; returns the hand-over token of a new session (SessionService.take_handover),
        or raises InvalidInput/Refused with the message.

        An unknown login, a wrong password and an account not validated yet are told apart (the texts of the
        original), but take the same time: the password is checked against a hash in every case.
        """
        identifier = fields.clean(login_or_mail).strip()
        errors = {}
        if not identifier:
            errors["login"] = messages.REQUIRED
        if not password:
            errors["password"] = messages.REQUIRED
        if errors:
            raise InvalidInput(errors)
        with self.db.session() as session:  # the try counts as a failure until the password proves right
            account = self._by_login_or_mail(session, identifier)
            checks = throttle.sign_in_checks(account.id if account else None, address)
            attempt = throttle.reserve(session, checks, pending=True)
        if not attempt.allowed:
            metrics.sign_in_failed(metrics.CANDIDATE, "throttled")
            raise Refused(throttle.wait_message(attempt.wait))
        attempted_hash = account.password_hash if account else None
        right = security.verify_password(attempted_hash, password)
        rehashed = security.hash_password(password) if right and security.needs_rehash(attempted_hash) else None
        with self.db.session() as session:
            failure = self._sign_in_failure(session, account.id if account else None, attempt, right, attempted_hash)
            if failure is None:
                throttle.succeeded(session, attempt)
                throttle.forget_sign_in_failures(session, account.id, address)
                if rehashed:
                    session.get(Account, account.id).password_hash = rehashed
                return self.sessions.open(session, account.id)
        if isinstance(failure, InvalidInput):  # an unknown login or a wrong password, not an account to validate
            metrics.sign_in_failed(metrics.CANDIDATE)
        raise failure  # once the try is settled: raising in the block would roll it back

    @staticmethod
    def _sign_in_failure(
        session: Session, account_id: int | None, attempt: throttle.Reservation, right: bool, attempted_hash: str | None
    ) -> Exception | None:
        """Why a checked sign-in fails (its try settled as a failure or not), or None when it succeeds."""
        if account_id is None:
            throttle.failed(session, attempt)
            return InvalidInput({"login": messages.UNKNOWN_LOGIN})
        account = session.get(Account, account_id)
        if not account.mail_confirmed or not account.password_hash:
            throttle.succeeded(session, attempt)  # says nothing of the password: no guess was told
            return Refused(messages.NOT_VALIDATED)
        if not right or account.password_hash != attempted_hash:  # or the password changed meanwhile
            throttle.failed(session, attempt)
            return InvalidInput({"password": messages.WRONG_PASSWORD})
        return None

    def sign_in_with_cas(self, user: CasUser) -> str:
        """Sign in a student the CAS server vouched for (returns a hand-over token, as sign_in); the first time,
        create their account, validated.

        Names and mail come from the CAS attributes, or else from the institution's import of its students.
        """
        with self.db.session() as session:
            account = session.exec(select(Account).where(Account.cas_login == user.login)).first()
            if account is None:
                account = self._account_for_cas(session, user)
            account.mail_confirmed = True
            account.validated_at = account.validated_at or utcnow()
            return self.sessions.open(session, account.id)

    def _account_for_cas(self, session: Session, user: CasUser) -> Account:
        student = session.exec(select(Student).where(Student.cas_login == user.login)).first()
        mail = user.first("mail", "email") or (student.mail if student else "")
        last_name = user.first("sn", "nom", "lastname") or (student.birth_name if student else "")
        first_name = user.first("givenName", "prenom", "firstname") or (student.first_name if student else "")
        try:
            address = fields.mail_address(mail)
            names = (fields.person_name(last_name, 30), fields.person_name(first_name, 20))
        except fields.FieldError:
            raise Refused(messages.CAS_INCOMPLETE) from None
        account = self._by_mail(session, address)
        if account is None:
            account = Account(
                login=self._issue_login(session),
                last_name=names[0],
                first_name=names[1],
                mail=address,
                mail_key=fields.mail_key(address),
            )
        elif account.cas_login:
            raise Refused(messages.CAS_INCOMPLETE)
        account.cas_login = user.login
        session.add(account)
        session.flush()
        return account

    # --- forgotten identifiers ---------------------------------------------------------------------

    def send_reset_link(self, mail: str, address: str) -> None:
        """Mail the login and a one-hour reset link. Says nothing of whether the mail address is known.

        Limited (see `throttle`) to 3 such mails per mail address and 10 requests of either dialog per client
        address in an hour; past that nothing is sent and nothing changes, and the caller's answer is the same.
        A new link does not cancel the links sent in the last hour: the candidate may be following one, and a
        request made by someone else must not spoil it. Each link is single-use and expires after an hour, and
        choosing a password through one cancels all the others.
        """
        mail_address = self._mail_field(mail)
        with self.db.session() as session:
            checks = throttle.mail_checks("reset", fields.mail_key(mail_address), address)
            if not throttle.reserve(session, checks).allowed:
                log.info("password reset mails asked for too often (from %s): nothing sent", address)
                return
            account = self._by_mail(session, mail_address)
            if account is None:
                return
            self._revoke(session, account.id, TokenPurpose.PASSWORD_RESET, sent_before=self._kept_links_since())
            token = self._new_token(session, account, TokenPurpose.PASSWORD_RESET, RESET_LINK_LIFETIME)
            self._mail(session, account, "password_reset", lien=self.settings.link(f"/compte/mot-de-passe/{token}"))

    def resend_validation_link(self, mail: str, address: str) -> None:
        """A new validation link. Says nothing of whether the mail address is known.

        Limited and answered as `send_reset_link`. The links sent more than an hour ago stop working; those of
        the last hour (a few at most, given the limit) keep working until one of them is used.
        """
        mail_address = self._mail_field(mail)
        with self.db.session() as session:
            checks = throttle.mail_checks("activation", fields.mail_key(mail_address), address)
            if not throttle.reserve(session, checks).allowed:
                log.info("activation mails asked for too often (from %s): nothing sent", address)
                return
            account = self._by_mail(session, mail_address)
            if account is None:
                return
            if account.mail_confirmed and account.password_hash:
                self._mail(session, account, "already_validated", lien=self.settings.link("/connexion"))
                return
            self._send_validation_link(session, account, "activation_resent", keep_since=self._kept_links_since())

    # --- changes from the account ------------------------------------------------------------------

    def account(self, account_id: int) -> Account | None:
        with self.db.session() as session:
            return session.get(Account, account_id)

    def update_identity(self, actor: str, last_name: str, first_name: str, mail: str, mail_confirmation: str) -> bool:
        """Change names and mail; returns True when the mail changed (the account must be validated again)."""
        values = self._identity(last_name, first_name, mail, mail_confirmation)
        try:
            with self.db.session() as session:
                account = self.sessions.check(session, actor)
                account.last_name, account.first_name = values["last_name"], values["first_name"]
                if fields.mail_key(values["mail"]) == account.mail_key:
                    account.mail = values["mail"]
                    return False
                if self._by_mail(session, values["mail"]):
                    raise InvalidInput({"mail": messages.MAIL_ALREADY_USED})
                account.mail, account.mail_key = values["mail"], fields.mail_key(values["mail"])
                account.mail_confirmed = False
                self.sessions.end_all(session, account.id)
                self._send_validation_link(session, account, "mail_changed")
                return True
        except IntegrityError:
            raise InvalidInput({"mail": messages.MAIL_ALREADY_USED}) from None

    def change_password(self, actor: str, current: str, password: str, confirmation: str) -> None:
        """Change the password; every other session of the account ends."""
        with self.db.session() as session:
            account = self.sessions.check(session, actor)
            if not security.verify_password(account.password_hash, current or ""):
                raise InvalidInput({"current": messages.CURRENT_PASSWORD_WRONG})
            self._check_new_password(account, password, confirmation)
            account.password_hash = security.hash_password(password)
            self.sessions.end_others(session, account.id, actor)
            self._mail(session, account, "password_changed", date=now_text(), lien=self.settings.link("/"))

    # --- housekeeping ------------------------------------------------------------------------------

    def delete_unvalidated(self) -> int:
        """Delete the accounts never validated within the allowed days; their logins stay issued."""
        with self.db.session() as session:
            cutoff = utcnow() - timedelta(days=parameters.current(session).unvalidated_account_days)
            stale = select(Account.id).where(col(Account.validated_at).is_(None), Account.created_at < cutoff)
            ids = list(session.exec(stale).all())
            if ids:
                session.exec(delete(AccountToken).where(col(AccountToken.account_id).in_(ids)))
                session.exec(delete(Account).where(col(Account.id).in_(ids)))
            return len(ids)

    # --- helpers -----------------------------------------------------------------------------------

    def _identity(self, last_name: str, first_name: str, mail: str, confirmation: str) -> dict[str, object]:
        values, errors = fields.collect(
            {
                "last_name": lambda: fields.person_name(last_name, NAME_MAX["last_name"]),
                "first_name": lambda: fields.person_name(first_name, NAME_MAX["first_name"]),
                "mail": lambda: fields.mail_address(mail),
                "mail_confirmation": lambda: fields.mail_address(confirmation),
            }
        )
        both = "mail" in values and "mail_confirmation" in values
        if both and fields.mail_key(values["mail"]) != fields.mail_key(values["mail_confirmation"]):
            errors["mail_confirmation"] = messages.MAIL_CONFIRMATION_DIFFERS
        if errors:
            raise InvalidInput(errors)
        return values

    @staticmethod
    def _mail_field(mail: str) -> str:
        try:
            return fields.mail_address(mail)
        except fields.FieldError as error:
            raise InvalidInput({"mail": error.message}) from None

    @staticmethod
    def _check_new_password(account: Account, password: str, confirmation: str) -> None:
        personal = (account.login, account.last_name, account.first_name, account.mail.split("@")[0])
        if problem := security.password_problem(password or "", personal):
            raise InvalidInput({"password": problem})
        if password != confirmation:
            raise InvalidInput({"confirmation": messages.PASSWORD_CONFIRMATION_DIFFERS})

    def _issue_login(self, session: Session) -> str:
        prefix = parameters.current(session).login_prefix
        while True:
            login = security.new_login(prefix)
            if session.get(IssuedLogin, login) is None:
                session.add(IssuedLogin(login=login))
                return login

    @staticmethod
    def _by_mail(session: Session, mail: str) -> Account | None:
        return session.exec(select(Account).where(Account.mail_key == fields.mail_key(mail))).first()

    def _by_login_or_mail(self, session: Session, identifier: str) -> Account | None:
        if "@" in identifier:
            return self._by_mail(session, identifier)
        return session.exec(select(Account).where(Account.login == identifier.upper())).first()

    def _send_validation_link(
        self, session: Session, account: Account, template: str, *, keep_since: datetime | None = None
    ) -> None:
        """A new validation link; the earlier ones stop working, except those sent after `keep_since`."""
        self._revoke(session, account.id, TokenPurpose.VALIDATION, sent_before=keep_since)
        days = parameters.current(session).unvalidated_account_days
        token = self._new_token(session, account, TokenPurpose.VALIDATION, timedelta(days=days))
        self._mail(session, account, template, lien=self.settings.link(f"/compte/validation/{token}"), jours=days)

    @staticmethod
    def _kept_links_since() -> datetime:
        """Links sent since then survive a new request: within the mail limits, at most 3 of them."""
        return utcnow() - throttle.MAIL_WINDOW

    @staticmethod
    def _new_token(session: Session, account: Account, purpose: TokenPurpose, lifetime: timedelta) -> str:
        token = security.new_token()
        session.add(
            AccountToken(
                account_id=account.id,
                purpose=purpose,
                token_hash=security.token_digest(token),
                expires_at=utcnow() + lifetime,
            )
        )
        return token

    @staticmethod
    def _revoke(session: Session, account_id: int, purpose: TokenPurpose, sent_before: datetime | None = None) -> None:
        """Cancel the account's unused links of a purpose (only those sent before `sent_before`, when given)."""
        statement = (
            update(AccountToken)
            .where(AccountToken.account_id == account_id, AccountToken.purpose == purpose)
            .where(col(AccountToken.used_at).is_(None), col(AccountToken.revoked_at).is_(None))
        )
        if sent_before is not None:
            statement = statement.where(AccountToken.created_at < sent_before)
        session.exec(statement.values(revoked_at=utcnow()))

    @staticmethod
    def _token(session: Session, token: str, purpose: TokenPurpose) -> tuple[AccountToken | None, LinkState]:
        row = session.exec(
            select(AccountToken).where(
                AccountToken.token_hash == security.token_digest(token or ""), AccountToken.purpose == purpose
            )
        ).first()
        if row is None:
            return None, LinkState.UNKNOWN
        if row.used_at:
            return row, LinkState.USED
        if row.revoked_at:
            return row, LinkState.REPLACED
        if row.expires_at <= utcnow():
            return row, LinkState.EXPIRED
        return row, LinkState.VALID

    def _mail(self, session: Session, account: Account, template: str, **values: object) -> None:
        mail = render(
            template,
            session,
            language=account.language,
            prenom=account.first_name,
            nom=account.last_name,
            login=account.login,
            **self.settings.institution_values,
            **values,
        )
        outbox.enqueue(session, account.mail, mail)
