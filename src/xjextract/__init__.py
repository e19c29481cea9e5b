"""xjextract: structured, scored records from English articles of Chinese state media.

>>> record = extract_text("Exports rose 5 percent to 3 billion yuan in the first half of 2023", format="text")
>>> [m.text for m in record.money], [p.timex for p in record.periods]
(['3 billion yuan'], ['2023-H1'])
"""

from __future__ import annotations

__version__ = "0.3.0"

from .api import extract_file, extract_text, iter_records
from .readers import ArticleError
from .schema import Record

__all__ = ["ArticleError", "Record", "__version__", "extract_file", "extract_text", "iter_records"]
