"""The Validator: runs parsed rules over input data and collects messages.

See the validation guide (docs/validation.md) for every rule and option.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, ClassVar

from parvel.validation._custom import resolve_line, run_custom
from parvel.validation._data import MISSING, build_nested, escape, expand, get_path, unescape
from parvel.validation._expansion import expand_plans
from parvel.validation._messages import REPLACER_HOOKS as _REPLACER_HOOKS
from parvel.validation._messages import MessageBuilder
from parvel.validation._parser import parse_rules, register_extension
from parvel.validation._plan import Plan, clear_cache, plan_for_string
from parvel.validation._registry import EXTENSIONS, RuleDef
from parvel.validation._values import is_blank_string, is_upload, upload_ok
from parvel.validation.contracts import PresenceVerifier
from parvel.validation.exceptions import (
    ValidationConfigError,
    ValidationError,
    ValidatorNotRunError,
)
from parvel.validation.lang.en import MESSAGES
from parvel.validation.message_bag import MessageBag
from parvel.validation.validated_input import ValidatedInput

PasswordChecker = Callable[[str, str | None], Awaitable[bool]]
AfterHook = Callable[["Validator"], Any]


class Validator:
    """Validates a dict of input against Laravel-style rules.

    Example:
        >>> v = Validator.make({"name": ""}, {"name": "required|max:255"})
        >>> # await v.fails() -> True; v.errors().first("name")
    """

    _default_verifier: ClassVar[PresenceVerifier | None] = None
    _password_checker: ClassVar[PasswordChecker | None] = None
    _extension_messages: ClassVar[dict[str, str]] = {}
    _lang: ClassVar[dict[str, Any]] = dict(MESSAGES)

    def __init__(
        self,
        data: Mapping[str, Any] | Any,
        rules: Mapping[str, Any],
        messages: Mapping[str, Any] | None = None,
        attributes: Mapping[str, str] | None = None,
        *,
        presence_verifier: PresenceVerifier | None = None,
        stop_on_first_failure: bool = False,
    ) -> None:
        """Parse ``rules`` now (bad rules raise ``InvalidRuleError``); validation runs later.

        Args:
            data: The input, usually a dict decoded from JSON or a form.
            rules: Field (dot/``*`` notation) to rules: a ``|`` string or a list of rule strings,
                rule objects, rule class instances and callables.
            messages: Custom messages keyed ``"field.rule"``, ``"items.*.qty.min"`` or ``"rule"``.
            attributes: Display names for fields (``{"email": "email address"}``).
            presence_verifier: Backs ``unique``/``exists`` for this validator.
            stop_on_first_failure: Stop at the first failing field.
        """
        self.data: Any = data
        self._definitions: dict[str, Plan] = {}
        for field, field_rules in rules.items():
            name = escape(str(field))
            if isinstance(field_rules, str):
                self._definitions[name] = plan_for_string(name, field_rules)
            else:
                self._definitions[name] = Plan(name, tuple(parse_rules(name, field_rules)))
        self._custom_messages = dict(messages or {})
        self._custom_attributes = dict(attributes or {})
        self._verifier = presence_verifier
        self._stop_on_first_failure = stop_on_first_failure
        self._after: list[AfterHook] = []
        self._sometimes: list[tuple[dict[str, Plan], Callable[..., Any]]] = []
        self._bag: MessageBag | None = None
        self._plans: dict[str, Plan] = {}
        self._stars: dict[str, tuple[str, ...]] = {}
        self._excluded: set[str] = set()
        self._failed: dict[str, dict[str, tuple[Any, ...]]] = {}
        self._cache: dict[Any, Any] = {}
        self._message_builder: MessageBuilder | None = None

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def make(
        cls,
        data: Mapping[str, Any] | Any,
        rules: Mapping[str, Any],
        messages: Mapping[str, Any] | None = None,
        attributes: Mapping[str, str] | None = None,
        *,
        presence_verifier: PresenceVerifier | None = None,
        stop_on_first_failure: bool = False,
    ) -> Validator:
        """Create a validator (``Validator::make`` in Laravel); see :meth:`__init__`.

        Args:
            data: The input to validate.
            rules: Field to rules.
            messages: Custom messages.
            attributes: Custom attribute display names.
            presence_verifier: Backs ``unique``/``exists`` for this validator.
            stop_on_first_failure: Stop at the first failing field.

        Returns:
            A validator ready to run with ``await validator.validate()``.
        """
        return cls(
            data,
            rules,
            messages,
            attributes,
            presence_verifier=presence_verifier,
            stop_on_first_failure=stop_on_first_failure,
        )

    def stop_on_first_failure(self, stop: bool = True) -> Validator:
        """Stop validating at the first failing field (Laravel's ``stopOnFirstFailure()``).

        Args:
            stop: Whether to stop.

        Returns:
            The validator, for chaining.
        """
        self._stop_on_first_failure = stop
        return self

    def after(self, hook: AfterHook | Iterable[AfterHook]) -> Validator:
        """Run ``hook(validator)`` after the rules; it may add errors via ``errors().add``.

        Args:
            hook: A function (sync or async) or a list of them.

        Returns:
            The validator, for chaining.
        """
        hooks = list(hook) if isinstance(hook, Iterable) else [hook]
        self._after.extend(hooks)
        return self

    def sometimes(
        self, attribute: str | list[str], rules: Any, callback: Callable[[Any], Any]
    ) -> Validator:
        """Add ``rules`` to ``attribute`` when ``callback(data)`` is true at run time.

        A callback taking two arguments is called per element as ``callback(data, item)``,
        where ``item`` is the element holding the field (``channels.*.address`` gets
        ``channels[i]``).

        Args:
            attribute: One field or several.
            rules: The rules to add (any accepted rule form).
            callback: Receives the input data (and the current item).

        Returns:
            The validator, for chaining.
        """
        fields = (
            [escape(attribute)] if isinstance(attribute, str) else [escape(a) for a in attribute]
        )
        plans = {f: Plan(f, tuple(parse_rules(f, rules))) for f in fields}
        self._sometimes.append((plans, callback))
        return self

    # -- global configuration -------------------------------------------------------------
    @classmethod
    def set_presence_verifier(cls, verifier: PresenceVerifier | None) -> None:
        """Set the verifier every validator uses for ``unique``/``exists`` by default.

        Args:
            verifier: A :class:`~parvel.validation.contracts.PresenceVerifier`, or ``None``.
        """
        cls._default_verifier = verifier

    @classmethod
    def set_password_checker(cls, checker: PasswordChecker | None) -> None:
        """Set ``async checker(value, guard) -> bool`` used by ``current_password``.

        Args:
            checker: The resolver (the auth layer installs one), or ``None``.
        """
        cls._password_checker = checker

    @classmethod
    def extend(
        cls,
        name: str,
        rule: Callable[..., bool | Awaitable[bool]],
        message: str | None = None,
        *,
        implicit: bool = False,
    ) -> None:
        """Register a string rule: ``rule(attribute, value, params, validator) -> bool``.

        Args:
            name: The rule name used in rule strings (snake_case).
            rule: The check; may be async. ``params`` is a tuple of the rule's parameters.
            message: The default message (placeholders allowed).
            implicit: Run the rule even when the field is absent or empty.
        """
        key = name.strip().lower()
        is_async = inspect.iscoroutinefunction(rule)

        def call(v: Validator, a: str, value: Any, p: tuple[Any, ...]) -> Any:
            return rule(a, value, list(p), v)

        EXTENSIONS[key] = RuleDef(call, implicit=implicit, is_async=is_async, message=message)
        cls._extension_messages[key] = message or f"validation.{key}"
        register_extension(key, implicit)
        clear_cache()

    @classmethod
    def extend_implicit(
        cls, name: str, rule: Callable[..., bool | Awaitable[bool]], message: str | None = None
    ) -> None:
        """Register an implicit string rule (runs on absent/empty fields); see :meth:`extend`.

        Args:
            name: The rule name.
            rule: The check.
            message: The default message.
        """
        cls.extend(name, rule, message, implicit=True)

    @classmethod
    def replacer(cls, name: str, replacer: Callable[[str, str, str, list[str]], str]) -> None:
        """Register ``replacer(message, attribute, rule, params) -> message`` for a rule.

        It runs after the standard placeholders, so an extension can fill its own
        (``:foo``) from its parameters.

        Args:
            name: The rule name.
            replacer: The function returning the final message.
        """
        _REPLACER_HOOKS[name.strip().lower()] = replacer

    @classmethod
    def set_default_messages(cls, messages: Mapping[str, Any]) -> None:
        """Merge language lines over the English defaults (an app's ``lang/en/validation.py``).

        Args:
            messages: Lines with the shape of ``parvel.validation.lang.en.MESSAGES``; the
                ``custom``, ``attributes`` and ``values`` sections merge key by key.
        """
        merged = dict(MESSAGES)
        for key, value in messages.items():
            if key in ("custom", "attributes", "values") and isinstance(value, Mapping):
                merged[key] = {**MESSAGES.get(key, {}), **value}
            elif isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
        cls._lang = merged

    # -- running --------------------------------------------------------------------------
    async def passes(self) -> bool:
        """Run the rules; ``True`` when the data is valid.

        Returns:
            Whether no message was produced.
        """
        await self._run()
        assert self._bag is not None
        return self._bag.is_empty()

    async def fails(self) -> bool:
        """Run the rules; ``True`` when the data is invalid.

        Returns:
            Whether any message was produced.
        """
        return not await self.passes()

    async def validate(self) -> dict[str, Any]:
        """Run the rules and return the validated data, or raise ``ValidationError``.

        Returns:
            Only the validated keys (see :meth:`validated`).

        Raises:
            ValidationError: With the message bag when any rule fails.
        """
        if not await self.passes():
            assert self._bag is not None
            raise ValidationError(self._bag, validator=self)
        return self.validated()

    async def validate_with_bag(self, error_bag: str) -> dict[str, Any]:
        """Like :meth:`validate`, naming the error bag the messages go to on a redirect.

        Args:
            error_bag: The bag name (``"login"``, ``"post"`` ...).

        Returns:
            The validated data.

        Raises:
            ValidationError: With ``error_bag`` set when any rule fails.
        """
        if not await self.passes():
            assert self._bag is not None
            raise ValidationError(self._bag, validator=self, error_bag=error_bag)
        return self.validated()

    def errors(self) -> MessageBag:
        """Return the messages of the last run.

        Returns:
            The :class:`MessageBag`.

        Raises:
            ValidatorNotRunError: Before the validator ran.
        """
        if self._bag is None:
            raise ValidatorNotRunError(
                "The validator has not run yet, so it has no errors.",
                hint="Call `await validator.passes()`, `fails()` or `validate()` first.",
            )
        return self._bag

    def messages(self) -> MessageBag:
        """Return the messages of the last run (an alias of :meth:`errors`).

        Returns:
            The :class:`MessageBag`.
        """
        return self.errors()

    def invalid(self) -> dict[str, Any]:
        """Return the input of the fields that failed, keyed by field.

        Returns:
            A flat dict of failing field paths and their submitted values (``None`` if absent).
        """
        failed = self.errors().keys()
        internal = {unescape(a): a for a in self._plans}
        return {key: self.value(internal.get(key, key)) for key in failed}

    def valid(self) -> dict[str, Any]:
        """Return the validated fields that passed (the part of the input without failures).

        Returns:
            Nested data like :meth:`validated`, leaving out failing fields.
        """
        failed = set(self.errors().keys())
        keys = [a for a in self._plans if a not in self._excluded and unescape(a) not in failed]
        return build_nested(self.data, keys)

    def failed(self) -> dict[str, dict[str, tuple[Any, ...]]]:
        """Return the failed rules per field: ``{"name": {"required": ()}}``.

        Returns:
            A dict of failed rule names and their parameters.
        """
        self.errors()
        return {k: dict(v) for k, v in self._failed.items()}

    def validated(self) -> dict[str, Any]:
        """Return only the input keys that have rules, were present and are not excluded.

        A key with a plain ``array`` rule whose children also have rules (``items`` with
        ``items.*.qty``) keeps only the validated children, like Laravel's default.

        Returns:
            Nested data (wildcard results keep their lists).

        Raises:
            ValidatorNotRunError: Before the validator ran.
            ValidationError: When the data is invalid.
        """
        bag = self.errors()
        if bag.is_not_empty():
            raise ValidationError(bag, validator=self)
        plans = self._plans
        keys = [a for a in plans if a not in self._excluded]
        parents = {
            a
            for a, plan in plans.items()
            if any(r.name == "array" and not r.params for r in plan.rules)
        }
        if parents:
            children = {k.rsplit(".", 1)[0] for k in keys if "." in k}
            prefixes = {
                ".".join(c.split(".")[:i]) for c in children for i in range(1, c.count(".") + 2)
            }
            keys = [
                k
                for k in keys
                if not (k in parents and k in prefixes and self.value(k) is not None)
            ]
        return build_nested(self.data, keys)

    def safe(self) -> ValidatedInput:
        """Return the validated data wrapped with ``only``/``except_``/``merge`` helpers.

        Returns:
            A :class:`ValidatedInput`.
        """
        return ValidatedInput(self.validated())

    # -- helpers used by rules ------------------------------------------------------------
    def get(self, path: str) -> Any:
        """Return the input at ``path`` or the ``MISSING`` sentinel."""
        return get_path(self.data, path)

    def value(self, path: str) -> Any:
        """Return the input at ``path`` or ``None`` when absent."""
        found = get_path(self.data, path)
        return None if found is MISSING else found

    def has(self, path: str) -> bool:
        """Tell whether the input has the key ``path`` (even with a ``None`` value)."""
        return get_path(self.data, path) is not MISSING

    def has_rule(self, attribute: str, name: str) -> bool:
        """Tell whether ``attribute`` has the rule ``name``."""
        plan = self._plans.get(attribute)
        return plan is not None and name in plan.names

    def has_numeric_rule(self, attribute: str) -> bool:
        """Tell whether ``attribute`` has ``numeric``, ``integer`` or ``decimal``."""
        plan = self._plans.get(attribute)
        return plan is not None and plan.numeric

    def date_formats(self, attribute: str) -> tuple[str, ...]:
        """Return the ``date_format`` formats of ``attribute``."""
        plan = self._plans.get(attribute)
        return plan.date_formats if plan is not None else ()

    def pattern_of(self, attribute: str) -> str:
        """Return the rule key (with ``*``) that produced ``attribute``."""
        plan = self._plans.get(attribute)
        return plan.pattern if plan is not None else attribute

    def stars_of(self, attribute: str) -> tuple[str, ...]:
        """Return the keys the ``*`` of the rule key matched for ``attribute``."""
        return self._stars.get(attribute, ())

    def wildcard_values(self, pattern: str) -> list[tuple[str, Any]]:
        """Return ``(path, value)`` for every path ``pattern`` expands to (cached per run)."""

        def build() -> list[tuple[str, Any]]:
            return [(path, get_path(self.data, path)) for path, _ in expand(self.data, pattern)]

        result: list[tuple[str, Any]] = self.cached(("wildcard", pattern), build)
        return result

    def cached(self, key: Any, factory: Callable[[], Any]) -> Any:
        """Memoise ``factory()`` under ``key`` for the current run."""
        if key not in self._cache:
            self._cache[key] = factory()
        return self._cache[key]

    def presence_verifier(self) -> PresenceVerifier:
        """Return the presence verifier for unique/exists, or raise a configuration error."""
        verifier = self._verifier or Validator._default_verifier
        if verifier is None:
            raise ValidationConfigError(
                "The unique/exists rules need a presence verifier, and none is set.",
                hint="Call Validator.set_presence_verifier(DatabasePresenceVerifier(db)) at boot, "
                "or pass presence_verifier= to Validator.make.",
            )
        return verifier

    def password_checker(self) -> PasswordChecker:
        """Return the ``current_password`` resolver, or raise a configuration error."""
        checker = Validator._password_checker
        if checker is None:
            raise ValidationConfigError(
                "The current_password rule needs a password checker, and none is set.",
                hint="Call Validator.set_password_checker(async_fn) (the auth layer does this).",
            )
        return checker

    # -- engine ---------------------------------------------------------------------------
    def _builder(self) -> MessageBuilder:
        builder = self._message_builder
        if builder is None:
            builder = self._message_builder = MessageBuilder(
                Validator._lang,
                self._custom_messages,
                self._custom_attributes,
                self._extension_messages,
            )
        return builder

    async def _run(self) -> None:
        bag = self._bag = MessageBag()
        self._failed = {}
        self._excluded = set()
        self._cache = {}
        self._message_builder = None
        self._plans = plans = expand_plans(self, self._definitions, self._sometimes)
        data = self.data
        for attribute, plan in plans.items():
            raw = get_path(data, attribute)
            if plan.sometimes and raw is MISSING:
                continue
            if plan.excluders and any(check(self, attribute, p) for check, p in plan.excluders):
                self._excluded.add(attribute)
                continue
            if self._excluded and self._under_excluded(attribute):
                self._excluded.add(attribute)
                continue
            if plan.file_checks and is_upload(raw) and not upload_ok(raw):
                key = unescape(attribute)
                bag.add(key, self._builder().build(self, attribute, "uploaded", (), raw))
                self._failed.setdefault(key, {})["uploaded"] = ()
            elif plan.is_sync:
                self._validate_sync(attribute, plan, raw, bag)
            else:
                await self._validate_attribute(attribute, plan, raw, bag)
            if self._stop_on_first_failure and bag.is_not_empty():
                break
        for hook in self._after:
            result = hook(self)
            if inspect.isawaitable(result):
                await result

    def _under_excluded(self, attribute: str) -> bool:
        return any(attribute.startswith(parent + ".") for parent in self._excluded)

    def _validate_sync(self, attribute: str, plan: Plan, raw: Any, bag: MessageBag) -> None:
        present = raw is not MISSING
        value = raw if present else None
        skip_plain = (
            not present
            or (value is None and plan.nullable)
            or (type(value) is str and not value.strip(" \t\n\r\0\x0b"))
        )
        for name, fn, params, implicit, _, rule in plan.steps:
            if skip_plain and not implicit:
                continue
            assert fn is not None
            if fn(self, attribute, value, params):
                continue
            key = unescape(attribute)
            bag.add(key, self._builder().build(self, attribute, name, rule.params, value))
            self._failed.setdefault(key, {})[name] = rule.params
            if plan.bail or implicit:
                break

    async def _validate_attribute(
        self, attribute: str, plan: Plan, raw: Any, bag: MessageBag
    ) -> None:
        present = raw is not MISSING
        value = raw if present else None
        skip_plain = not present or (plan.nullable and value is None) or is_blank_string(value)
        for name, fn, params, implicit, is_async, rule in plan.steps:
            if skip_plain and not implicit:
                continue
            if fn is None:
                failures = await run_custom(self, rule, attribute, value)
                if not failures:
                    continue
                builder = self._builder()
                for failure in failures:
                    line = resolve_line(Validator._lang, failure)
                    bag.add(
                        unescape(attribute),
                        builder.build(self, attribute, name, (), value, line=line),
                    )
                self._failed.setdefault(unescape(attribute), {})[type(rule.obj).__name__] = ()
            else:
                if is_async:
                    if (name == "unique" or name == "exists") and bag.has(unescape(attribute)):
                        continue
                    ok = await fn(self, attribute, value, params)
                else:
                    ok = fn(self, attribute, value, params)
                if ok:
                    continue
                key = unescape(attribute)
                bag.add(key, self._builder().build(self, attribute, name, rule.params, value))
                self._failed.setdefault(key, {})[name] = rule.params
            if plan.bail or implicit:
                break


async def validate(
    data: Mapping[str, Any] | Any,
    rules: Mapping[str, Any],
    messages: Mapping[str, Any] | None = None,
    attributes: Mapping[str, str] | None = None,
    *,
    presence_verifier: PresenceVerifier | None = None,
) -> dict[str, Any]:
    """Validate ``data`` and return the validated keys, or raise ``ValidationError``.

    Args:
        data: The input.
        rules: Field to rules.
        messages: Custom messages.
        attributes: Custom attribute names.
        presence_verifier: Backs ``unique``/``exists``.

    Returns:
        The validated data.
    """
    validator = Validator.make(
        data, rules, messages, attributes, presence_verifier=presence_verifier
    )
    return await validator.validate()
