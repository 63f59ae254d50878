"""Signing in and out: one-time links from the roster, passwords, sessions in a signed cookie."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from . import accounts
from .site import check_csrf, site_of

router = APIRouter()


def _home(account: accounts.Account) -> str:
    return "/staff" if account.is_staff else "/"


def _sign_in(request: Request, account: accounts.Account) -> RedirectResponse:
    request.session.clear()  # a fresh session: no fixation of a session set before sign-in
    request.session["uid"] = account.id
    return RedirectResponse(_home(account), status_code=303)


@router.get("/login")
def login_page(request: Request):
    return site_of(request).render(request, "login.html.j2", title="Вход")


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(request: Request, login: str = Form(...), password: str = Form(...)):
    site = site_of(request)
    account = accounts.authenticate(site.engine, login, password)
    if account is None:
        return site.render(request, "login.html.j2", status_code=401, title="Вход",
                           error="Неверный логин или пароль. Если вы ещё не входили, откройте ссылку из письма "
                                 "преподавателя; если забыли пароль — попросите у него новую ссылку.", login=login)
    return _sign_in(request, account)


@router.get("/signin/{token}")
def signin_page(request: Request, token: str):
    site = site_of(request)
    account = accounts.token_user(site.engine, token)
    if account is None:
        return site.render(request, "message.html.j2", status_code=404, title="Ссылка недействительна",
                           text="Ссылка для входа недействительна, устарела или уже использована. "
                                "Попросите преподавателя выдать новую или войдите со своим паролем.")
    renewing = accounts.has_password(site.engine, account.id)
    return site.render(request, "set_password.html.j2", title="Новый пароль" if renewing else "Первый вход",
                       account=account, token=token, renewing=renewing)


@router.post("/signin/{token}", dependencies=[Depends(check_csrf)])
def signin(request: Request, token: str, password: str = Form(...), again: str = Form(...)):
    site = site_of(request)
    account = accounts.token_user(site.engine, token)
    if account is None:
        return RedirectResponse(f"/signin/{token}", status_code=303)
    try:
        if password != again:
            raise accounts.AccountError("пароли не совпадают")
        account = accounts.set_password_with_token(site.engine, token, password)
    except accounts.AccountError as exc:
        return site.render(request, "set_password.html.j2", status_code=400, title="Пароль", account=account,
                           token=token, error=str(exc), renewing=accounts.has_password(site.engine, account.id))
    return _sign_in(request, account)


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
