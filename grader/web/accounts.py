"""Users of the site: roster import, one-time sign-in links, argon2 passwords, CSRF tokens."""
from __future__ import annotations

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .models import SignInToken, User, writing

ROLES = ("student", "assistant", "instructor")
STAFF = ("assistant", "instructor")
TOKEN_DAYS = 14
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A Russian message for the person at the keyboard."""


def now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Account:
    """What a request knows about its signed-in user (plain data, no ORM session)."""

    id: int
    login: str
    role: str
    student_id: str | None
    name: str

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF


def _account(user: User) -> Account:
    return Account(user.id, user.login, user.role, user.student_id, user.name or user.login)


def get_account(engine: Engine, user_id: int) -> Account | None:
    with Session(engine) as session:
        user = session.get(User, user_id)
        return _account(user) if user is not None else None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_link_token(engine: Engine, user_id: int, days: int = TOKEN_DAYS, *, revoke_others: bool = False) -> str:
    """A new one-time sign-in token for the user (the plain token is returned once, never stored).

    `revoke_others`: the user's earlier unused links stop working (a new link after a forgotten password:
    only the link the instructor just handed out sets the password)."""
    token = secrets.token_urlsafe(32)
    with writing(engine) as session, session.begin():
        if revoke_others:
            session.execute(update(SignInToken).where(SignInToken.user_id == user_id, SignInToken.used_at.is_(None))
                            .values(used_at=now()))
        session.add(SignInToken(token_hash=_token_hash(token), user_id=user_id,
                                expires_at=now() + timedelta(days=days), used_at=None))
    return token


def token_user(engine: Engine, token: str) -> Account | None:
    """The user of a valid, unused, unexpired token (the token is not consumed here)."""
    with Session(engine) as session:
        row = session.get(SignInToken, _token_hash(token))
        if row is None or row.used_at is not None or row.expires_at < now():
            return None
        return _account(session.get(User, row.user_id))


def set_password_with_token(engine: Engine, token: str, password: str) -> Account:
    check_password_strength(password)
    with writing(engine) as session, session.begin():
        row = session.get(SignInToken, _token_hash(token), with_for_update=True)
        if row is None or row.used_at is not None or row.expires_at < now():
            raise AccountError("ссылка для входа недействительна или уже использована — попросите преподавателя "
                               "выдать новую")
        row.used_at = now()
        user = session.get(User, row.user_id)
        user.password_hash = _hasher.hash(password)
        return _account(user)


def has_password(engine: Engine, user_id: int) -> bool:
    with Session(engine) as session:
        user = session.get(User, user_id)
        return user is not None and bool(user.password_hash)


def student_account(engine: Engine, student_id: str) -> Account | None:
    with Session(engine) as session:
        user = session.scalar(select(User).where(User.student_id == student_id))
        return _account(user) if user is not None else None


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"пароль слишком короткий: нужно не меньше {MIN_PASSWORD} символов")


def authenticate(engine: Engine, login: str, password: str) -> Account | None:
    with Session(engine) as session:
        user = session.scalar(select(User).where(User.login == login.strip()))
        if user is None or not user.password_hash:
            _hasher.hash(password)  # same time whether or not the login exists
            return None
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return _account(user)


def add_user(engine: Engine, login: str, role: str, *, name: str = "", email: str = "", student_id: str | None = None,
             password: str | None = None) -> Account:
    if role not in ROLES:
        raise AccountError(f"неизвестная роль «{role}»: {', '.join(ROLES)}")
    if password is not None:
        check_password_strength(password)
    with writing(engine) as session, session.begin():
        user = session.scalar(select(User).where(User.login == login))
        if user is None:
            user = User(login=login, role=role, created_at=now())
            session.add(user)
        user.role, user.name, user.email, user.student_id = role, name or user.name, email or user.email, student_id
        if password is not None:
            user.password_hash = _hasher.hash(password)
        session.flush()
        return _account(user)


def import_roster(engine: Engine, text: str) -> list[Account]:
    """Students from CSV with columns id, name, email (header required; `,` or `;` separated)."""
    sample = text[:2000]
    dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), dialect=dialect)
    columns = {c.strip().lower(): c for c in (reader.fieldnames or [])}
    missing = [c for c in ("id", "name") if c not in columns]
    if missing:
        raise AccountError(f"в списке группы нет столбцов {', '.join(missing)}: нужен заголовок id,name,email")
    accounts = []
    for number, row in enumerate(reader, start=2):
        sid = (row.get(columns["id"]) or "").strip()
        if not sid:
            raise AccountError(f"строка {number}: пустой id студента")
        accounts.append(add_user(engine, sid, "student", name=(row.get(columns["name"]) or "").strip(),
                                 email=(row.get(columns.get("email", ""), "") or "").strip(), student_id=sid))
    return accounts


def students(engine: Engine) -> list[Account]:
    with Session(engine) as session:
        return [_account(u) for u in session.scalars(select(User).where(User.role == "student").order_by(User.name))]


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and secrets.compare_digest(expected, given)
