"""SQLModel tables, one module per aggregate. Importing this package registers every table."""

from models.account import Account, AccountToken, IssuedLogin, TokenPurpose
from models.campaign import Campaign
from models.mail import OutboxMail
from models.offer import Centre, Formation
from models.session import LoginFailure, UserSession

__all__ = [
    "Account",
    "AccountToken",
    "Campaign",
    "Centre",
    "Formation",
    "IssuedLogin",
    "LoginFailure",
    "OutboxMail",
    "TokenPurpose",
    "UserSession",
]
