"""Every browser test refuses requests to any host but the site; this shows the guard bites."""

import pytest

pytestmark = pytest.mark.browser


def test_a_request_to_another_host_is_refused_and_recorded(new_tab, request_guard):
    # The site's Content-Security-Policy would refuse it first (and the console error would
    # fail the test): set it aside to see the guard behind it.
    tab = new_tab(bypass_csp=True)
    tab.goto("/en/")
    tab.evaluate(
        """() => {
            const img = document.createElement('img');
            img.alt = '';
            img.src = 'https://cdn.example.com/pixel.png';
            document.body.append(img);
            return new Promise(done => { img.onerror = done; img.onload = done; });
        }"""
    )

    assert request_guard.foreign == ["https://cdn.example.com/pixel.png"]
    request_guard.foreign.clear()  # seen; the fixture would fail the test otherwise
