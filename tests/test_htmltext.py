"""HTML -> text adapter: the cleaner must get title, date and body from a real-looking page."""

from __future__ import annotations

import pytest

from pipeline.clean import clean_text
from pipeline.htmltext import html_to_text

P1 = (
    "TPO - Sáng 1/12, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến với các địa phương về "
    "giải pháp thúc đẩy tăng trưởng kinh tế, bảo đảm các cân đối lớn của nền kinh tế."
)
P2 = (
    "Theo báo cáo của Bộ Tài chính, tổng sản phẩm trong nước quý III tăng hơn 8% so với cùng kỳ "
    "năm trước, trong đó khu vực công nghiệp và xây dựng tiếp tục là động lực chính."
)
P3 = (
    "Thủ tướng yêu cầu các bộ, ngành và địa phương đẩy nhanh giải ngân vốn đầu tư công, tháo gỡ "
    "khó khăn cho doanh nghiệp và hoàn thiện thể chế trong tháng cuối năm."
)
TITLE = "Thủ tướng chủ trì hội nghị thúc đẩy tăng trưởng kinh tế"


def page(date_meta: bool = True) -> str:
    meta = (
        '<meta property="article:published_time" content="2025-12-01T09:30:00+07:00">'
        '<meta name="author" content="Như Ý">'
        if date_meta
        else ""
    )
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - Báo Tiền Phong</title>
<meta property="og:title" content="{TITLE}">{meta}</head>
<body><header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
</ul></nav></header>
<main><article><h1>{TITLE}</h1>
<div class="article__body">
<p>{P1}</p>
<p>{P2}</p>
<figure><img src="/images/hoi-nghi.jpg" alt="hoi nghi">
<figcaption>Thủ tướng phát biểu tại hội nghị. Ảnh: Như Ý</figcaption></figure>
<p>{P3}</p>
</div></article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/a">Hà Nội khởi công metro</a></li>
</ul></aside></main>
<footer><p>© Copyright 2025 Báo Tiền Phong. Ghi rõ nguồn khi phát hành lại thông tin.</p></footer>
</body></html>"""


def test_html_page_to_clean_article() -> None:
    text = html_to_text(page())
    assert text.startswith(" date 2025-12-01 \n")
    a = clean_text(text)
    assert a.title == TITLE
    assert a.published == "2025-12-01"
    assert a.outlet == "Tiền Phong"
    assert a.paragraphs == (P1.removeprefix("TPO - "), P2, P3)
    assert a.author == "Như Ý"
    assert "Trang chủ" not in text and "Copyright" not in text


def test_html_without_date_has_no_header() -> None:
    text = html_to_text(page(date_meta=False))
    assert not text.startswith(" date")
    assert clean_text(text).title == TITLE


NAV_ONLY = "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>"


@pytest.mark.parametrize("html", ["", "<html><body><div></div></body></html>", NAV_ONLY])
def test_html_without_article_raises(html: str) -> None:
    with pytest.raises(ValueError, match="no article text found in HTML"):
        html_to_text(html)
