"""Every setting of the platform, read once from the environment (ECANDIDAT_*) and an optional .env file."""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path

from pydantic import EmailStr, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ecandidat_ui import data_folder


class SettingsError(Exception):
    """A setting is missing or wrong; the message is one line an administrator can act on."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ECANDIDAT_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    forwarded_allow_ips: str = Field(
        "127.0.0.1,::1", description="reverse proxies whose X-Forwarded-For is believed (addresses, networks or *)"
    )
    public_url: str = ""
    data_dir: Path = Path("data")
    database_url: str = ""

    smtp_host: str = ""
    smtp_port: int = Field(25, ge=1, le=65535)
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_tls: bool = False
    smtp_ssl: bool = False
    smtp_timeout: float = Field(10.0, gt=0)
    mail_from: EmailStr = "ne-pas-repondre@example.org"
    mail_retry_max_delay: int = Field(3600, ge=1, description="longest wait between two tries of a mail, s")

    storage_secret: str = ""

    # The business parameters (limits, INE, login prefix, contact mail…) are set in the gestion, home message
    # included: services/parameters.py, services/site_messages.py.
    institution_name: str = "Université Esup"
    institution_article: str = "l'"
    cas_url: str = ""
    cas_version: int = Field(3, ge=2, le=3, description="CAS protocol: 3 (/p3/serviceValidate) or 2")

    demo: bool = False
    gallery: bool = Field(False, description="/galerie, the components in their states, for developers (--galerie)")

    metrics: bool = Field(False, description="/metrics for Prometheus (pages/metrics.py)")
    metrics_allow_ips: str = Field("127.0.0.1,::1", description="addresses or networks /metrics answers (or *)")

    @field_validator("public_url", "cas_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("doit commencer par http:// ou https://")
        return value

    @field_validator("forwarded_allow_ips", "metrics_allow_ips")
    @classmethod
    def _addresses(cls, value: str) -> str:
        """uvicorn takes a mistyped entry for a literal that never matches: say so at start instead."""
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        if entries == ["*"]:
            return "*"
        for entry in entries:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(f"« {entry} » n'est ni une adresse IP ni un réseau (ou * seul)") from None
        return ",".join(entries)

    @model_validator(mode="after")
    def _derived_defaults(self) -> Settings:
        if not self.public_url:
            shown_host = "localhost" if self.host in {"0.0.0.0", "::", "127.0.0.1"} else self.host
            self.public_url = f"http://{shown_host}:{self.port}"
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.data_dir / 'ecandidat.sqlite3').resolve()}"
        return self

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def cas_enabled(self) -> bool:
        return bool(self.cas_url)

    @property
    def student_of(self) -> str:
        """'l'Université Esup', as in « Je suis étudiant à l'Université Esup »."""
        return f"{self.institution_article}{self.institution_name}"

    @property
    def institution_values(self) -> dict[str, str]:
        """The institution's name in mails: « {etablissement} » alone, and « {de_etablissement} » with its
        article after « de » (« de l'Université Esup », « du Conservatoire », « de Sciences Po »)."""
        return {"etablissement": self.institution_name, "de_etablissement": of_institution(self)}

    def link(self, path: str) -> str:
        return f"{self.public_url}{path}"


class FormerSettings(BaseSettings):
    """Settings of earlier versions that became parameters edited in the gestion (services/parameters.py) or its
    home message: read once, at the first start after the upgrade, to seed their rows. Raw text: the parameter's
    own check decides."""

    model_config = SettingsConfigDict(env_prefix="ECANDIDAT_", env_file=".env", extra="ignore")

    max_candidatures: str | None = None
    max_candidatures_per_centre: str | None = None
    upload_max_mb: str | None = None
    ine_required: str | None = None
    unvalidated_account_days: str | None = None
    login_prefix: str | None = None
    contact_mail: str | None = None
    faq_url: str | None = None
    documentation_url: str | None = None
    home_message: str | None = None


def former_settings() -> dict[str, str]:
    """The former settings the environment (or .env) still sets, by parameter code."""
    return {name: value for name, value in FormerSettings().model_dump().items() if value is not None}


def load_settings() -> Settings:
    """Read the settings, prepare the data folder (private, see data_folder) and the storage secret, or raise
    SettingsError."""
    try:
        settings = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = "ECANDIDAT_" + "_".join(str(part) for part in first["loc"]).upper()
        raise SettingsError(f"Paramètre invalide {name} : {first['msg']}") from None
    try:
        data_folder.protect(settings.data_dir)
    except OSError as error:
        raise SettingsError(
            f"Dossier de données inutilisable ECANDIDAT_DATA_DIR={settings.data_dir}: {error}"
        ) from None
    if not settings.storage_secret:
        settings.storage_secret = _kept_secret(settings.data_dir / "storage_secret")
    return settings


def _kept_secret(path: Path) -> str:
    """A secret generated on first start and kept in the data folder (readable by the owner only)."""
    return data_folder.written_once(path, secrets.token_urlsafe(48).encode())


def of_institution(settings: Settings) -> str:
    """« de » and the institution's article contracted as French does: de + le = du, de + les = des."""
    article = settings.institution_article
    contracted = {"le ": "du ", "les ": "des "}.get(article.lower())
    return f"{contracted or 'de ' + article}{settings.institution_name}"
