import pytest

from parvel.database import ConfigurationError, parse_database_url


def test_postgres_url() -> None:
    assert parse_database_url("postgresql://bob:p%40ss@db.local:5433/app?sslmode=require") == {
        "driver": "pgsql",
        "host": "db.local",
        "port": 5433,
        "username": "bob",
        "password": "p@ss",
        "database": "app",
        "sslmode": "require",
    }


def test_mysql_and_mariadb_urls() -> None:
    assert parse_database_url("mysql://root@127.0.0.1/shop")["driver"] == "mysql"
    assert parse_database_url("mariadb://root@127.0.0.1/shop?charset=utf8mb4") == {
        "driver": "mariadb",
        "host": "127.0.0.1",
        "username": "root",
        "database": "shop",
        "charset": "utf8mb4",
    }


def test_sqlite_urls() -> None:
    assert parse_database_url("sqlite:///:memory:") == {"driver": "sqlite", "database": ":memory:"}
    assert parse_database_url("sqlite:////var/db.sqlite")["database"] == "/var/db.sqlite"
    assert parse_database_url("sqlite:///database/app.sqlite")["database"] == "database/app.sqlite"


def test_unknown_scheme_is_rejected_without_leaking_password() -> None:
    with pytest.raises(ConfigurationError, match="unknown scheme 'oracle'") as info:
        parse_database_url("oracle://user:secret@host/db")
    assert "secret" not in str(info.value)
