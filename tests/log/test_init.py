import parvel.log


def test_public_names() -> None:
    assert parvel.log.__all__ == [
        "ALERT",
        "DEFAULT_CONFIG",
        "EMERGENCY",
        "LEVELS",
        "NOTICE",
        "DailyFileHandler",
        "DriverContext",
        "FileHandler",
        "JsonFormatter",
        "LogConfigError",
        "LogDriver",
        "LogError",
        "LogListener",
        "LogManager",
        "LogWriteError",
        "Logger",
        "MessageLogged",
        "StreamHandler",
        "TextFormatter",
        "add_log_context",
        "current_log_context",
        "log_context",
        "parse_level",
        "request_id",
    ]
    for name in parvel.log.__all__:
        assert hasattr(parvel.log, name)
