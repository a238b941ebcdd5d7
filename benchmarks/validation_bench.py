"""Validation speed: a 20-field form with typical rules, Parvel vs Django forms vs pydantic.

Run: ``python benchmarks/validation_bench.py``. Prints validations per second for valid and
invalid input (best of several interleaved rounds) and Parvel's ratio against each peer
(above 1.0 means Parvel is faster).
Django and pydantic are optional; a missing peer is skipped.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from parvel.validation import Validator

VALID: dict[str, Any] = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "ada@example.com",
    "username": "ada_l",
    "age": "36",
    "website": "https://example.com",
    "phone": "5551234567",
    "country": "GB",
    "city": "London",
    "zip": "12345",
    "bio": "Mathematician and writer.",
    "birthday": "1815-12-10",
    "gender": "f",
    "newsletter": "1",
    "terms": "yes",
    "password": "Secret123!",
    "password_confirmation": "Secret123!",
    "score": "9.5",
    "company": "Analytical Engines",
    "role": "admin",
}
INVALID = {**VALID, "email": "nope", "age": "200", "zip": "12a", "terms": "no", "role": "x"}

PARVEL_RULES = {
    "first_name": "required|string|max:50",
    "last_name": "required|string|max:50",
    "email": "required|email|max:255",
    "username": "required|alpha_dash|min:3|max:20",
    "age": "required|integer|between:13,120",
    "website": "nullable|url",
    "phone": "required|digits_between:7,15",
    "country": "required|string|size:2",
    "city": "required|string|max:100",
    "zip": "required|digits:5",
    "bio": "nullable|string|max:1000",
    "birthday": "required|date|before:today",
    "gender": "required|in:m,f,x",
    "newsletter": "boolean",
    "terms": "accepted",
    "password": "required|string|min:8|confirmed",
    "score": "nullable|numeric|min:0|max:10",
    "company": "nullable|string|max:100",
    "role": "required|in:admin,editor,viewer",
    "password_confirmation": "required",
}


def parvel_runner() -> Callable[[dict[str, Any]], bool]:
    loop = asyncio.new_event_loop()

    async def many(data: dict[str, Any], count: int) -> bool:
        ok = False
        for _ in range(count):
            ok = await Validator.make(data, PARVEL_RULES).passes()
        return ok

    def run(data: dict[str, Any], count: int = 1) -> bool:
        return loop.run_until_complete(many(data, count))

    run.batched = True  # type: ignore[attr-defined]
    return run


def django_runner() -> Callable[[dict[str, Any]], bool] | None:
    try:
        import django
        from django.conf import settings
    except ImportError:
        return None
    if not settings.configured:
        settings.configure(USE_I18N=False, USE_TZ=True)
        django.setup()
    from django import forms
    from django.core.validators import RegexValidator

    class Form(forms.Form):
        first_name = forms.CharField(max_length=50)
        last_name = forms.CharField(max_length=50)
        email = forms.EmailField(max_length=255)
        username = forms.RegexField(regex=r"^[\w-]+$", min_length=3, max_length=20)
        age = forms.IntegerField(min_value=13, max_value=120)
        website = forms.URLField(required=False, assume_scheme="https")
        phone = forms.CharField(validators=[RegexValidator(r"^\d{7,15}$")])
        country = forms.CharField(min_length=2, max_length=2)
        city = forms.CharField(max_length=100)
        zip = forms.CharField(validators=[RegexValidator(r"^\d{5}$")])
        bio = forms.CharField(max_length=1000, required=False)
        birthday = forms.DateField()
        gender = forms.ChoiceField(choices=[("m", "m"), ("f", "f"), ("x", "x")])
        newsletter = forms.BooleanField(required=False)
        terms = forms.ChoiceField(choices=[(v, v) for v in ("yes", "on", "1", "true")])
        password = forms.CharField(min_length=8)
        password_confirmation = forms.CharField()
        score = forms.DecimalField(min_value=0, max_value=10, required=False)
        company = forms.CharField(max_length=100, required=False)
        role = forms.ChoiceField(choices=[(v, v) for v in ("admin", "editor", "viewer")])

        def clean(self) -> dict[str, Any]:
            data = super().clean() or {}
            if data.get("password") != data.get("password_confirmation"):
                self.add_error("password", "The password field confirmation does not match.")
            return data

    return lambda data: Form(data).is_valid()


def pydantic_runner() -> Callable[[dict[str, Any]], bool] | None:
    try:
        from datetime import date
        from typing import Annotated, Literal

        from pydantic import BaseModel, Field, ValidationError, model_validator
    except ImportError:
        return None

    class Model(BaseModel):
        first_name: Annotated[str, Field(max_length=50)]
        last_name: Annotated[str, Field(max_length=50)]
        email: Annotated[str, Field(max_length=255, pattern=r"^[^@\s]+@[^@\s]+$")]
        username: Annotated[str, Field(min_length=3, max_length=20, pattern=r"^[\w-]+$")]
        age: Annotated[int, Field(ge=13, le=120)]
        website: Annotated[str | None, Field(pattern=r"^https?://\S+$")] = None
        phone: Annotated[str, Field(pattern=r"^\d{7,15}$")]
        country: Annotated[str, Field(min_length=2, max_length=2)]
        city: Annotated[str, Field(max_length=100)]
        zip: Annotated[str, Field(pattern=r"^\d{5}$")]
        bio: Annotated[str | None, Field(max_length=1000)] = None
        birthday: date
        gender: Literal["m", "f", "x"]
        newsletter: bool = False
        terms: Literal["yes", "on", "1", "true"]
        password: Annotated[str, Field(min_length=8)]
        password_confirmation: str
        score: Annotated[float | None, Field(ge=0, le=10)] = None
        company: Annotated[str | None, Field(max_length=100)] = None
        role: Literal["admin", "editor", "viewer"]

        @model_validator(mode="after")
        def passwords_match(self) -> Model:
            if self.password != self.password_confirmation:
                raise ValueError("The password field confirmation does not match.")
            return self

    def run(data: dict[str, Any]) -> bool:
        try:
            Model.model_validate(data)
        except ValidationError:
            return False
        return True

    return run


ROUNDS = 7


def measure(run: Callable[..., bool], data: dict[str, Any], seconds: float = 0.3) -> float:
    batched = getattr(run, "batched", False)
    batch = 200
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if batched:
            run(data, batch)
        else:
            for _ in range(batch):
                run(data)
        count += batch
    return count / (time.perf_counter() - start)


def main() -> None:
    runners: dict[str, Callable[..., bool] | None] = {
        "parvel": parvel_runner(),
        "django forms": django_runner(),
        "pydantic": pydantic_runner(),
    }
    for name, run in runners.items():
        if run is None:
            continue
        assert run(VALID) is True, f"{name} rejects the valid form"
        assert run(INVALID) is False, f"{name} accepts the invalid form"
    results: dict[str, dict[str, float]] = {}
    for name, run in runners.items():
        if run is None:
            print(f"{name}: not installed, skipped")
    # Interleave the libraries over several rounds and keep each one's best round, so a
    # burst of load on the machine does not favour whoever ran at a quiet moment.
    for _ in range(ROUNDS):
        for label, data in (("valid", VALID), ("invalid", INVALID)):
            for name, run in runners.items():
                if run is None:
                    continue
                figures = results.setdefault(name, {})
                figures[label] = max(figures.get(label, 0.0), measure(run, data))
    print(f"{'library':<14}{'valid ops/s':>14}{'invalid ops/s':>16}")
    for name, figures in results.items():
        print(f"{name:<14}{figures['valid']:>14,.0f}{figures['invalid']:>16,.0f}")
    parvel = results["parvel"]
    for name, figures in results.items():
        if name == "parvel":
            continue
        print(
            f"parvel / {name}: valid {parvel['valid'] / figures['valid']:.2f}x, "
            f"invalid {parvel['invalid'] / figures['invalid']:.2f}x"
        )


if __name__ == "__main__":
    main()
