"""Pure parts of the load generator: step scripts, widget keys, URLs, percentiles."""

import pytest

from bench.loadgen import Step, parse_steps, percentile
from bench.protocol import check_url, key_of


def test_parse_steps_reads_a_vote_script():
    steps = parse_steps("wait:vota; set:punti_3=2; press:vota; text:Voto registrato, grazie")

    assert steps == [
        Step("wait", "vota"),
        Step("set", "punti_3", "2"),
        Step("press", "vota"),
        Step("text", "Voto registrato, grazie"),
    ]


@pytest.mark.parametrize(
    "spec, message",
    [
        ("click:vota", "expected one of"),
        ("press:", "expected one of"),
        ("set:punti_3", "set:KEY=VALUE"),
    ],
)
def test_parse_steps_rejects_bad_steps(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_steps(spec)


def test_key_of_reads_the_user_key_at_the_end_of_a_widget_id():
    assert key_of("$$ID-0123abcd-vota") == "vota"
    assert key_of("$$ID-0123abcd-punti-item-3") == "punti-item-3"
    assert key_of("$$ID-0123abcd") is None
    assert key_of("plain") is None


@pytest.mark.parametrize(
    "url", ["http://localhost:8080", "http://10.0.0.2:8080", "https://127.0.0.1:8080", "http://127.0.0.1"]
)
def test_check_url_only_allows_127_0_0_1_with_a_port(url):
    with pytest.raises(ValueError, match="127.0.0.1"):
        check_url(url)


def test_check_url_accepts_localhost_ip():
    assert check_url("http://127.0.0.1:18555") == ("127.0.0.1", 18555)


def test_percentile_is_nearest_rank():
    values = [i / 1000 for i in range(1, 101)]  # 1..100 ms
    assert percentile(values, 50) == 0.05
    assert percentile(values, 95) == 0.095
    assert percentile(values, 99) == 0.099
    assert percentile([], 95) is None


def test_nodelay_patch_sets_tcp_nodelay_on_streamlit_listening_socket():
    import socket

    from streamlit.web.server.starlette import starlette_server

    from bench import nodelay

    original = starlette_server._bind_socket
    try:
        nodelay.patch()
        sock = starlette_server._bind_socket("127.0.0.1", 0, 8)
        try:
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        finally:
            sock.close()
        # Without the patch Streamlit leaves Nagle on (the reason for the patch).
        plain = original("127.0.0.1", 0, 8)
        try:
            assert plain.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        finally:
            plain.close()
    finally:
        starlette_server._bind_socket = original


def test_every_bench_option_has_a_help_text_in_both_languages():
    import argparse

    from bench import cli as cli_bench
    from cantiere.i18n import strings

    parser = argparse.ArgumentParser()
    cli_bench.add_arguments(parser)
    helps = [a.help for a in parser._actions if a.help and a.dest != "help"]
    assert len(helps) >= 20
    assert not [h for h in helps if h.startswith("cli.bench.")], "help key without a translation"
    bench_keys = [k for k in strings() if k.startswith("cli.bench.")]
    assert all(strings()[k]["it"] and strings()[k]["en"] for k in bench_keys)
