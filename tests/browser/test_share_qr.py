"""The "Scan to share on WeChat" QR code as Chromium draws it: a phone's scanner reads the page's
address in the reader's language from the pixels on screen, on a phone and on a desktop."""

from io import BytesIO

import pytest
import zxingcpp
from PIL import Image

from django.utils import translation

from cns.models import ArticlePage, EventPage, GuidePage
from pressroom.models import PressConferencePage, PressReleasePage

from .conftest import WIDTHS

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-hans"]
SHARED_TYPES = [PressReleasePage, PressConferencePage, ArticlePage, EventPage, GuidePage]


def addresses(page, language):
    """(path to open, the absolute address at the configured site) of `page` in `language`."""
    with translation.override(language):
        return page.get_url(), page.get_full_url()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", SHARED_TYPES, ids=lambda model: model.__name__)
def test_the_qr_code_on_screen_decodes_to_the_pages_address(new_tab, model, language, width):
    page = model.objects.live().public().order_by("path").first()
    assert page is not None, f"the demo content has no live {model.__name__}"
    path, address = addresses(page, language)
    tab = new_tab(viewport={"width": width, "height": 900})

    tab.goto(path)
    code = tab.locator("article figure.share-qr svg")
    code.scroll_into_view_if_needed()
    box = code.bounding_box()
    pixels = Image.open(BytesIO(code.screenshot(animations="disabled")))

    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the code runs off the screen"
    assert box["width"] >= 120, "the code is too small for a phone's camera"
    assert [barcode.text for barcode in zxingcpp.read_barcodes(pixels)] == [address]
