from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

Cli = Callable[..., tuple[int, str, str]]


def test_version(cli: Cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0
    assert out.startswith("Parvel Framework ")


def test_list_outside_an_app_shows_only_global_commands(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("list")
    assert code == 0
    assert "new" in out
    assert "completion" in out
    assert "key:generate" not in out


def test_mistyped_command_suggests(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("lis")
    assert code == 1
    assert 'Command "lis" is not defined. Did you mean "list"?' in err
    assert "Traceback" not in err


def test_app_command_outside_an_app_says_how_to_fix(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("about")
    assert code == 1
    assert "must run inside a Parvel app" in err
    assert "parvel new NAME" in err


def test_new_creates_the_skeleton_with_a_fresh_key(new_app: Path) -> None:
    for relative in (
        "bootstrap/app.py",
        "config/app.py",
        "routes/web.py",
        "routes/api.py",
        "app/providers/app_service_provider.py",
        "database/database.sqlite",
        "storage/framework/views",
        "storage/logs",
        "tests",
    ):
        assert (new_app / relative).exists(), relative
    env = (new_app / ".env").read_text()
    key_line = next(line for line in env.splitlines() if line.startswith("APP_KEY="))
    assert key_line.startswith("APP_KEY=base64:")
    assert len(key_line) == len("APP_KEY=base64:") + 44
    assert "APP_NAME=Demo" in env
    testing = (new_app / ".env.testing").read_text()
    assert "APP_ENV=testing" in testing
    assert "DB_DATABASE=database/testing.sqlite" in testing
    assert key_line in testing


def test_new_refuses_a_non_empty_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file.txt").write_text("x")
    code, _, err = cli("new", "taken")
    assert code == 1
    assert "already exists and is not empty" in err


def test_new_api_drops_web_routes_and_views(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("new", "api", "--api")[0] == 0
    assert not (tmp_path / "api/routes/web.py").exists()
    assert not (tmp_path / "api/config/session.py").exists()
    assert "routes/web.py" not in (tmp_path / "api/bootstrap/app.py").read_text()


def test_new_with_git_commits(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "t")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "t@example.com")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "t")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "t@example.com")
    assert cli("new", "gitted", "--git")[0] == 0
    log = subprocess.run(
        ["git", "log", "--oneline"], cwd=tmp_path / "gitted", capture_output=True, text=True
    )
    assert "Set up a fresh Parvel app" in log.stdout
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=tmp_path / "gitted", capture_output=True, text=True
    )
    assert ".env\n" not in tracked.stdout
    assert ".env.example" in tracked.stdout


def test_list_in_an_app_groups_by_namespace(new_app: Path, cli: Cli) -> None:
    code, out, _ = cli("list")
    assert code == 0
    assert " config\n" in out
    assert "config:cache" in out
    assert "inspire" in out  # from routes/console.py


def test_help_for_a_command(new_app: Path, cli: Cli) -> None:
    code, out, _ = cli("help", "down")
    assert code == 0
    assert "--secret" in out
    assert "--retry" in out


def test_key_generate_rewrites_env(new_app: Path, cli: Cli) -> None:
    before = (new_app / ".env").read_text()
    assert cli("key:generate")[0] == 0
    after = (new_app / ".env").read_text()
    assert before != after
    assert after.count("APP_KEY=") == 1
    code, out, _ = cli("key:generate", "--show")
    assert code == 0
    assert out.strip().startswith("base64:")


def test_about_json(new_app: Path, cli: Cli) -> None:
    code, out, _ = cli("about", "--json")
    assert code == 0
    data = orjson.loads(out)
    assert data["environment"]["application_name"] == "Demo"
    assert data["drivers"]["database"] == "sqlite"
    assert data["cache"]["config"] == "NOT CACHED"


def test_config_cache_boots_without_importing_config_modules(new_app: Path, cli: Cli) -> None:
    assert cli("config:cache")[0] == 0
    assert (new_app / "bootstrap/cache/config.json").is_file()
    # Break a config module: the cached config must be used instead of importing it.
    (new_app / "config/cache.py").write_text("raise RuntimeError('config module imported')\n")
    code, out, err = cli("config:show", "cache.default")
    assert code == 0, err
    assert out.strip() == '"file"'
    assert cli("config:clear")[0] == 0
    code, _, err = cli("config:show", "cache.default")
    assert code == 1
    assert "config/cache.py:1: config module imported" in err


def test_unknown_config_key_is_one_line(new_app: Path, cli: Cli) -> None:
    code, _, err = cli("config:show", "app.nme")
    assert code == 1
    assert "Unknown config key 'app.nme'. Did you mean 'app.name'?" in err


def test_malformed_env_names_the_line(new_app: Path, cli: Cli) -> None:
    env = new_app / ".env"
    env.write_text(env.read_text() + "THIS IS NOT VALID\n")
    code, _, err = cli("about")
    assert code == 1
    assert ".env:" in err
    assert "cannot be parsed" in err


def test_missing_env_says_how_to_create_it(new_app: Path, cli: Cli) -> None:
    (new_app / ".env").unlink()
    code, _, err = cli("about")
    assert code == 1
    assert "cp .env.example .env" in err


def test_down_and_up(new_app: Path, cli: Cli) -> None:
    code, out, _ = cli("down", "--secret", "let-me-in", "--retry", "60")
    assert code == 0
    assert "let-me-in" in out
    payload = orjson.loads((new_app / "storage/framework/down").read_bytes())
    assert payload["secret"] == "let-me-in"
    assert payload["retry"] == 60
    assert payload["status"] == 503
    assert cli("up")[0] == 0
    assert not (new_app / "storage/framework/down").exists()


def test_make_command_generates_a_runnable_command(new_app: Path, cli: Cli) -> None:
    assert cli("make:command", "SendEmails")[0] == 0
    assert (new_app / "app/console/commands/send_emails.py").is_file()
    code, out, _ = cli("app:send-emails")
    assert code == 0
    assert "SendEmails ran." in out
    code, _, err = cli("make:command", "SendEmails")
    assert code == 1
    assert "already exists" in err


def test_stub_publish_then_custom_stub_is_used(new_app: Path, cli: Cli) -> None:
    assert cli("stub:publish")[0] == 0
    stub = new_app / "stubs/command.stub"
    assert stub.is_file()
    stub.write_text(stub.read_text().replace("ran.", "ran with a Custom stub."))
    assert cli("make:command", "Ping")[0] == 0
    assert "Custom stub" in (new_app / "app/console/commands/ping.py").read_text()


def test_command_arguments_and_options_are_typed(new_app: Path, cli: Cli) -> None:
    (new_app / "routes/console.py").write_text(
        "from typing import Annotated\n"
        "from parvel.support.console import Option, Output, command\n\n"
        "@command('greet')\n"
        "async def greet(name: str, times: int = 1, loud: Annotated[bool, Option('-l')] = False, *, out: Output) -> None:\n"
        '    """Greet someone."""\n'
        "    text = ('hello ' + name) * times\n"
        "    out.line(text.upper() if loud else text)\n"
    )
    code, out, _ = cli("greet", "ann", "--times", "2", "-l")
    assert code == 0
    assert out.strip() == "HELLO ANNHELLO ANN"
    code, _, err = cli("greet", "ann", "--times", "two")
    assert code == 2
    assert "'two' is not a valid integer" in err


def test_completion_script(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("completion", "bash")
    assert code == 0
    assert "_PARVEL_COMPLETE" in out
    assert "complete " in out


def test_tinker_supports_top_level_await(new_app: Path) -> None:
    script = (
        "x = await asyncio.sleep(0, result=41)\nprint('answer', x + 1)\nprint(app.environment())\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "parvel", "tinker"],
        input=script,
        capture_output=True,
        text=True,
        cwd=new_app,
        env={k: v for k, v in os.environ.items() if not k.startswith("APP_")},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "answer 42" in result.stdout
    assert "local" in result.stdout


def test_serve_reports_a_port_in_use(new_app: Path, cli: Cli) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = cli("serve", "--port", str(port))
    assert code == 1
    assert f"Port {port} is already in use on 127.0.0.1" in err
    assert f"--port {port + 1}" in err


def test_global_options_are_accepted_after_the_command(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("new", "quietapp", "--no-interaction", "-q")
    assert code == 0
    assert out == ""
    assert (tmp_path / "quietapp/bootstrap/app.py").is_file()
    monkeypatch.chdir(tmp_path / "quietapp")
    code, out, _ = cli("about", "--json", "--env", "staging")
    assert code == 0
    assert orjson.loads(out)["environment"]["environment"] == "staging"


def test_serve_refuses_an_invalid_app_key(new_app: Path, cli: Cli) -> None:
    env = new_app / ".env"
    env.write_text(env.read_text().replace("APP_KEY=base64:", "APP_KEY=nonsense", 1))
    code, _, err = cli("serve", "--port", "0")
    assert code == 1
    assert "APP_KEY is missing or invalid" in err
    assert "parvel key:generate" in err
    assert "Traceback" not in err


def test_make_test_and_parvel_test(new_app: Path, cli: Cli) -> None:
    assert cli("make:test", "PostApiTest", "--unit")[0] == 0
    created = new_app / "tests/unit/test_post_api.py"
    assert created.is_file()
    assert cli("make:test", "Home")[0] == 0
    assert (new_app / "tests/feature/test_home.py").is_file()
    code, _, _ = cli("test", "tests/unit/test_post_api.py", "-q", "-p", "no:cacheprovider")
    assert code == 0
    (new_app / "tests/unit/test_failing.py").write_text("def test_fails():\n    assert 1 == 2\n")
    code, _, _ = cli("test", "tests/unit", "-k", "fails", "-q", "-p", "no:cacheprovider")
    assert code == 1  # pytest's exit code passes through
    code, _, _ = cli(
        "test", "--testsuite=unit", "--filter=post_api", "-q", "-p", "no:cacheprovider"
    )
    assert code == 0  # artisan's --filter and --testsuite
    code, _, _ = cli(
        "test", "--testsuite=unit", "--stop-on-failure", "-q", "-p", "no:cacheprovider"
    )
    assert code == 1


def test_a_command_exit_code_is_the_process_exit_code(new_app: Path, cli: Cli) -> None:
    (new_app / "routes/console.py").write_text(
        "from parvel.support.console import command\n\n"
        "@command('check')\n"
        "async def check() -> int:\n"
        '    """Fail on purpose."""\n'
        "    return 3\n"
    )
    assert cli("check")[0] == 3


def test_make_rule(new_app: Path, cli: Cli) -> None:
    assert cli("make:rule", "Uppercase")[0] == 0
    text = (new_app / "app/rules/uppercase.py").read_text()
    assert "class Uppercase:" in text
    assert cli("make:rule", "Present", "--implicit")[0] == 0
    assert "implicit = True" in (new_app / "app/rules/present.py").read_text()


def test_make_request(new_app: Path, cli: Cli) -> None:
    assert cli("make:request", "StorePostRequest")[0] == 0
    text = (new_app / "app/http/requests/store_post_request.py").read_text()
    assert "class StorePostRequest(FormRequest):" in text
    compile(text, "store_post_request.py", "exec")


def test_session_table_migration(new_app: Path, cli: Cli) -> None:
    assert cli("session:table")[0] == 0  # Laravel's older name, an alias of make:session-table
    created = list((new_app / "database/migrations").glob("*_create_sessions_table.py"))
    assert len(created) == 1
    assert 'self.schema.create("sessions")' in created[0].read_text()
    code, _, err = cli("make:session-table")
    assert code == 1
    assert "already exists" in err
