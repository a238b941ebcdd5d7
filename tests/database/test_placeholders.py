from parvel.database._placeholders import named_to_qmark, to_format, to_numbered, unescape


def test_numbered_skips_literals_comments_and_escapes() -> None:
    sql = "select ?, '?', \"a?\", ? /* ? */ from t where j ?? 'k' -- ?"
    assert to_numbered(sql) == "select $1, '?', \"a?\", $2 /* ? */ from t where j ? 'k' -- ?"


def test_format_doubles_percent_signs() -> None:
    assert to_format("select ? where name like '%a' and x like ?") == (
        "select %s where name like '%%a' and x like %s"
    )
    assert unescape("select 1 where a ?? b") == "select 1 where a ? b"


def test_named_placeholders_skip_literals_and_casts() -> None:
    assert named_to_qmark("select :a, ':b', x::int, :c_1 from t -- :d") == (
        "select ?, ':b', x::int, ? from t -- :d",
        ("a", "c_1"),
    )
