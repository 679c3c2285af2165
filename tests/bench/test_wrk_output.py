"""Reading wrk's report: throughput, latency percentiles and errors."""

from bench.load import parse_wrk, unexpected_responses

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:18500/en/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.51ms    1.20ms  40.02ms   90.00%
    Req/Sec     2.29k   120.00     2.50k    70.00%
  Latency Distribution
     50%    3.20ms
     75%    3.90ms
     90%    4.80ms
     99%    1.02s
  45678 requests in 10.01s, 500.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   4563.21
Transfer/sec:     49.95MB
"""


def test_throughput_percentiles_and_errors_are_read():
    result = parse_wrk(WRK_OUTPUT)

    assert result["rps"] == 4563.21
    assert result["requests"] == 45678
    assert (result["p50_ms"], result["p90_ms"], result["p99_ms"]) == (3.2, 4.8, 1020.0)
    assert result["socket_errors"] == {
        "connect": 0,
        "read": 2,
        "write": 0,
        "timeout": 1,
    }
    assert unexpected_responses(result) == 4 + 3


def test_refused_and_reposted_comment_forms_count_as_unexpected():
    output = WRK_OUTPUT.replace("  Non-2xx or 3xx responses: 4\n", "")
    output += "bench-post: ok=100 other=2 wrapped=1 403 403\n"

    result = parse_wrk(output)

    assert result["post"]["other_codes"] == "403 403"
    assert unexpected_responses(result) == 3 + 2 + 1
