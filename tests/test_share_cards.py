"""Share cards: what WeChat and other apps show when a page is sent to a chat."""
from __future__ import annotations

import html
import io
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image

from column.render import cards
from support.kinds import PAGES, resolve
from support.sitebuild import environ

ROOT_URL = "http://127.0.0.1:8000/"
_OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]*)">')
_OG_ALT = re.compile(r'<meta property="og:image:alt" content="([^"]*)">')
_FIRST_IMG = re.compile(r'<img\b[^>]*\bsrc="([^"]*)"')


def picture(path: Path) -> Image.Image:
    """The decoded picture (its file closed again)."""
    with Image.open(path) as image:
        image.load()
    return image


@pytest.mark.parametrize("kind", PAGES)
def test_first_body_image_and_og_image_are_one_raster_picture_of_300_px_or_more(sample_site, kind):
    url = resolve(sample_site, kind)
    text = (sample_site / url / "index.html").read_text(encoding="utf-8")
    og_image = _OG_IMAGE.search(text).group(1)
    first = urljoin(ROOT_URL + url, _FIRST_IMG.search(text.split("<body", 1)[1]).group(1))
    assert first == og_image, "WeChat takes the body's first image, other apps og:image: they must agree"
    image = picture(sample_site / og_image.removeprefix(ROOT_URL))
    assert image.format in ("JPEG", "PNG") and min(image.size) >= 300
    assert html.unescape(_OG_ALT.search(text).group(1)).strip()


def test_page_titles_name_the_column_once(sample_site):
    def title(url: str) -> str:
        text = (sample_site / url / "index.html").read_text(encoding="utf-8")
        return re.search(r"<title>([^<]*)</title>", text).group(1)
    assert title("") == "女性社会组织专栏"
    assert title("orgs/dongcheng-mamabang/") == "东城社区妈妈帮互助会 - 女性社会组织专栏"
    assert title("stories/wuqian-shifenzhong/").count("女性社会组织专栏") == 1


def test_cards_differ_by_title_and_carry_ink_where_the_title_is():
    one = Image.open(io.BytesIO(cards.card("东城社区妈妈帮互助会", "女性社会组织专栏")))
    two = Image.open(io.BytesIO(cards.card("湖田妇女之家", "女性社会组织专栏")))
    assert one.format == "JPEG" and one.size == (cards.SIZE, cards.SIZE)
    assert one.tobytes() != two.tobytes()
    title_band = one.convert("L").crop((cards.MARGIN, cards.MARGIN, cards.SIZE - cards.MARGIN, cards.MARGIN + 60))
    assert title_band.getextrema()[1] > 200, "white title text on the dark card"


def test_a_long_title_ends_in_an_ellipsis_within_four_lines():
    big, _ = cards._glyphs()
    lines = big.lines("很长的标题" * 40, cards.SIZE - 2 * cards.MARGIN)
    assert len(lines) > cards.MAX_LINES
    Image.open(io.BytesIO(cards.card("很长的标题" * 40, "女性社会组织专栏"))).load()


def test_a_records_own_raster_picture_of_300_px_is_used_and_others_get_a_card(tmp_path):
    Image.new("RGB", (400, 300), "white").save(tmp_path / "big.png")
    Image.new("RGB", (200, 200), "white").save(tmp_path / "small.jpg")
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    made = cards.Cards(tmp_path, "专栏", [])
    assert made.image("orgs/a/", "甲", "big.png") == "big.png"
    assert made.image("orgs/b/", "乙", "small.jpg") == "orgs/b/share.jpg"
    assert made.image("orgs/c/", "丙", "logo.svg") == "orgs/c/share.jpg"
    assert made.image("", "专栏", None) == "share.jpg"
    made.write(tmp_path / "site")
    assert picture(tmp_path / "site" / "orgs" / "b" / "share.jpg").size == (cards.SIZE, cards.SIZE)
    assert not (tmp_path / "site" / "orgs" / "a").exists()


def test_a_missing_chinese_font_stops_the_build_with_what_to_install(tmp_path):
    with environ(COLUMN_CARD_FONT=str(tmp_path / "none.ttc")):
        with pytest.raises(cards.FontMissing) as raised:
            cards.font_file()
    assert "sudo apt-get install fonts-noto-cjk" in str(raised.value) and "COLUMN_CARD_FONT" in str(raised.value)
