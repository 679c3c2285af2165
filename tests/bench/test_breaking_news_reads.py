"""The bench's breaking-news reads: Zipf weights over the newest articles, drawn by
a generated wrk Lua script."""

import re

import pytest

from bench.load import zipf_script, zipf_weights


def test_the_ten_most_read_of_200_articles_get_half_the_reads():
    weights = zipf_weights(200, top=10, share=0.5)

    assert len(weights) == 200
    assert sum(weights[:10]) / sum(weights) == pytest.approx(0.5, abs=1e-6)
    assert weights == sorted(weights, reverse=True)


def test_the_lua_script_lists_every_path_with_its_cumulative_share(tmp_path):
    paths = ["/en/1/a/", "/ar/2/ب/", "/en/3/c/"]

    script = zipf_script(tmp_path, "test", paths, [2.0, 1.0, 1.0]).read_text()

    assert "{{" not in script
    for path in paths:
        assert f'"{path}"' in script
    shares = re.search(r"local cumulative = \{(.*)\}", script).group(1)
    assert [float(share) for share in shares.split(",")] == [0.5, 0.75, 1.0]
