"""MySQL and MariaDB connections on asyncmy with its own pool."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from parvel.database._placeholders import to_format, unescape
from parvel.database.connection import Connection
from parvel.database.connectors import import_driver
from parvel.database.exceptions import LostConnectionError, QueryError, UniqueConstraintViolation
from parvel.database.query.grammars.mysql import MySqlGrammar

_LOST = {2003, 2006, 2013, 2055}


class MySqlConnection(Connection):
    """A connection to MySQL or MariaDB through an asyncmy pool."""

    driver = "mysql"
    supports_transactional_ddl = False
    default_port = 3306

    def __init__(self, name: str, config: dict[str, Any]) -> None:
        super().__init__(name, config)
        self.driver = "mariadb" if config.get("driver") == "mariadb" else "mysql"

    def _make_grammar(self) -> MySqlGrammar:
        return MySqlGrammar()

    async def _create_pool(self, config: dict[str, Any]) -> Any:
        asyncmy = import_driver("asyncmy", "mysql", self.name)
        pool_cfg = config.get("pool") or {}
        init: list[str] = []
        if config.get("timezone"):
            init.append(f"SET time_zone = {self.grammar.quote_string(str(config['timezone']))}")
        if config.get("strict", True):
            init.append(
                "SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,"
                "NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'"
            )
        kwargs: dict[str, Any] = {
            "host": config.get("host") or "127.0.0.1",
            "port": int(config.get("port") or 3306),
            "user": config.get("username") or "root",
            "password": config.get("password") or "",
            "db": config.get("database") or None,
            "charset": config.get("charset") or "utf8mb4",
            "autocommit": True,
            "connect_timeout": float(config.get("connect_timeout", 10)),
            "minsize": int(pool_cfg.get("min_size", 1)),
            "maxsize": int(pool_cfg.get("max_size", 10)),
            "pool_recycle": int(pool_cfg.get("recycle", 3600)),
        }
        if config.get("unix_socket"):
            kwargs["unix_socket"] = config["unix_socket"]
        if init:
            kwargs["init_command"] = "; ".join(init)
        kwargs.update(config.get("options") or {})
        return await asyncmy.create_pool(**kwargs)

    async def _abandon_pool(self, pool: Any) -> None:
        pool.terminate()

    async def _close_pool(self, pool: Any) -> None:
        pool.close()
        await pool.wait_closed()

    async def _acquire(self, pool: Any) -> Any:
        raw = await pool.acquire()
        if self.config.get("pre_ping"):
            try:
                await raw.ping(reconnect=True)
            except Exception:
                pool.release(raw)
                raise
        return raw

    async def _release(self, pool: Any, raw: Any) -> None:
        pool.release(raw)

    async def _fetch(self, raw: Any, sql: str, bindings: Sequence[Any]) -> list[dict[str, Any]]:
        from asyncmy.cursors import DictCursor

        async with raw.cursor(DictCursor) as cursor:
            if bindings:
                await cursor.execute(to_format(sql), bindings)
            else:
                await cursor.execute(unescape(sql))
            rows = await cursor.fetchall()
        return list(rows)

    async def _execute(self, raw: Any, sql: str, bindings: Sequence[Any]) -> tuple[int, Any]:
        async with raw.cursor() as cursor:
            if bindings:
                await cursor.execute(to_format(sql), bindings)
            else:
                await cursor.execute(unescape(sql))
            return (cursor.rowcount, cursor.lastrowid)

    async def _script(self, raw: Any, sql: str) -> None:
        async with raw.cursor() as cursor:
            await cursor.execute(sql)
            while await cursor.nextset():
                pass

    async def _stream(
        self, raw: Any, sql: str, bindings: Sequence[Any]
    ) -> AsyncIterator[dict[str, Any]]:
        from asyncmy.cursors import SSDictCursor

        chunk = int(self.config.get("cursor_chunk", 256))
        async with raw.cursor(SSDictCursor) as cursor:
            if bindings:
                await cursor.execute(to_format(sql), bindings)
            else:
                await cursor.execute(unescape(sql))
            while True:
                rows = await cursor.fetchmany(chunk)
                if not rows:
                    break
                for row in rows:
                    yield row

    async def _begin(self, raw: Any) -> None:
        await raw.begin()

    async def _commit(self, raw: Any) -> None:
        await raw.commit()

    async def _rollback(self, raw: Any) -> None:
        await raw.rollback()

    def _classify(self, exc: BaseException) -> type[QueryError] | None:
        try:
            from asyncmy import errors
        except ImportError:  # pragma: no cover
            return None
        code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
        if isinstance(exc, errors.IntegrityError) and code == 1062:
            return UniqueConstraintViolation
        if code in _LOST or isinstance(exc, ConnectionError):
            return LostConnectionError
        if isinstance(exc, errors.Error):
            return QueryError
        return None

    def is_concurrency_error(self, exc: BaseException) -> bool:
        """Deadlocks and lock wait timeouts."""
        cause = exc.__cause__ or exc
        code = cause.args[0] if cause.args and isinstance(cause.args[0], int) else None
        return code in {1205, 1213}
