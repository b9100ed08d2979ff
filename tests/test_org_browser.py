"""Organization pages in a real headless Chromium at phone width."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.server import serve

pytestmark = pytest.mark.browser

PAGES = ["", "orgs/", "orgs/binhe-hunyin-jiating-fudao-zhongxin/", "orgs/liuyin-wanxiahong-yishutuan/",
         "orgs/area/weilao/"]


@pytest.mark.parametrize("url", PAGES)
def test_no_horizontal_overflow_at_360px_and_no_third_party_request(sample_site, phone, url, tmp_path):
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    with serve(sample_site) as base:
        phone.goto(base + url, wait_until="networkidle")
        phone.screenshot(path=str(tmp_path / "page.png"), full_page=True)
        width = phone.evaluate("document.documentElement.scrollWidth")
        hosts = {urlsplit(u).netloc for u in requested if not u.startswith("data:")}
        assert width <= 360
        assert hosts == {urlsplit(base).netloc}


def test_directory_filters_instantly_with_javascript(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "orgs/")
        total = phone.locator(".col-card:visible").count()
        phone.click('.col-facet[data-facet="area"] a[data-value="weilao"]')
        weilao = phone.locator(".col-card:visible").count()
        assert 0 < weilao < total
        assert phone.url == base + "orgs/"
        assert phone.locator(".col-result__count").inner_text() == str(weilao)
        phone.click('.col-facet[data-facet="type"] a[data-value="shehui-tuanti"]')
        both = phone.locator(".col-card:visible").count()
        assert both <= weilao
        for card in phone.locator(".col-card:visible").all():
            assert "weilao" in card.get_attribute("data-area").split()
            assert card.get_attribute("data-type") == "shehui-tuanti"
        phone.click('.col-facet[data-facet="area"] a[data-value=""]')
        phone.click('.col-facet[data-facet="type"] a[data-value=""]')
        assert phone.locator(".col-card:visible").count() == total


def test_directory_filters_without_javascript(sample_site, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    with serve(sample_site) as base:
        page.goto(base + "orgs/")
        page.click('.col-facet[data-facet="area"] a[data-value="weilao"]')
        assert page.url == base + "orgs/area/weilao/"
        cards = page.locator(".col-card")
        assert cards.count() > 0
        for card in cards.all():
            assert "weilao" in card.get_attribute("data-area").split()
    context.close()


def test_directory_filter_works_by_keyboard(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "orgs/")
        phone.focus('.col-facet[data-facet="type"] a[data-value="jijinhui"]')
        phone.keyboard.press("Enter")
        assert phone.locator(".col-card:visible").count() == phone.locator('.col-card[data-type="jijinhui"]').count()
        assert phone.get_attribute('.col-facet[data-facet="type"] a[data-value="jijinhui"]', "aria-pressed") == "true"


def test_selected_filter_chip_is_in_view_and_marked(sample_site, phone):
    """A filter page whose chip sits far along its sideways-scrolling row shows that chip on arrival."""
    with serve(sample_site) as base:
        phone.goto(base + "orgs/street/mashang-jiedao/")
        chip = phone.locator('.col-chip[aria-current="page"]')
        box = chip.bounding_box()
        mark = chip.evaluate("c => getComputedStyle(c, '::before').content")
        unscrolled = phone.evaluate("""() => { const c = document.querySelector('.col-chip[aria-current="page"]');
            return c.offsetLeft - c.closest('.col-chips').offsetLeft; }""")
    assert unscrolled > 360, "pick a chip that starts off screen, or the test proves nothing"
    assert 0 <= box["x"] and box["x"] + box["width"] <= 360
    assert mark == '"✓ "' and "col-chip--on" in chip.get_attribute("class")


def test_profile_says_how_to_reach_the_organization_right_after_its_description(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "orgs/binhe-hunyin-jiating-fudao-zhongxin/")
        order = phone.evaluate("""() => [...document.querySelectorAll('article h2')].map(h => h.id)""")
        contact_y = phone.locator("#contact").bounding_box()["y"]
    assert order[0] == "contact", order
    assert contact_y < 2 * 740


def test_directory_cards_carry_the_phone(sample_site, phone):
    with serve(sample_site) as base:
        phone.goto(base + "orgs/")
        phones = phone.locator('.col-card .col-card__phone a[href^="tel:"]')
        assert phones.count() >= 1 and phones.first.is_visible()
