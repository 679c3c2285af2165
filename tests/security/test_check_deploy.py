"""`manage.py check --deploy` finds nothing to warn about in production settings, and
answers every security check rather than silencing one."""

import json

from tests.security.production import production_environment, run_python

CHECK_DEPLOY = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def test_production_settings_pass_check_deploy_with_nothing_silenced(tmp_path):
    result = run_python(CHECK_DEPLOY, production_environment(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_no_security_check_is_silenced(tmp_path):
    code = (
        "import json; from newsportal import settings;"
        " print(json.dumps(settings.SILENCED_SYSTEM_CHECKS))"
    )
    result = run_python(["-c", code], production_environment(tmp_path))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_without_https_check_deploy_warns(tmp_path):
    # The clean result above is earned by the HTTPS switch, not by a blind check.
    environment = production_environment(tmp_path, DJANGO_HTTPS="0")

    result = run_python(CHECK_DEPLOY, environment)

    assert result.returncode != 0
    for check in ("security.W004", "security.W008"):
        assert check in result.stderr
