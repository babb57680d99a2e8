"""The project's one list of Vietnamese function syllables.

Why one list: the summarizers (``models.extractive``, whose learned ranker was trained on the share
of these syllables) and the cleaner's topic-coherence signal both need "words that say nothing
about a story's topic"; two lists drifted apart before.
"""

from __future__ import annotations

# Common function syllables: they match everywhere and would make every sentence look central.
_STOPWORD_TEXT = """
    và của là các những được có trong cho với đã này một để không từ khi theo tại về đến thì mà
    cũng như đó nhiều sẽ đang rằng bị do nên vì nhưng hay hoặc lại ra vào lên nếu còn rất vẫn đều
    chỉ nào ai gì sau trước trên dưới giữa qua bởi nơi ông bà anh chị họ chúng tôi ta mình nó
    thế vậy đây kia ấy ở đi cùng hơn nhất nhau mỗi mọi việc sự cái điều thể phải ngày năm tháng
    lần vừa mới luôn hết chưa nữa thêm hai ba
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())
