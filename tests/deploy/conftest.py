import os
import subprocess
import sys

import pytest

from tests.deploy.servers import ROOT


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT as production has it (hashed names, .gz files), collected once."""
    folder = tmp_path_factory.mktemp("staticfiles")
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_DEBUG": "0", "STATIC_ROOT": str(folder)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return folder
