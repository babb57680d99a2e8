"""Build pipeline/digest_df.tsv: syllable uni+bigram document frequencies for story grouping.

Counted over the DEV part of the labelled VMDS articles only (headline + body), so the held-out
part never shapes the weights it is scored with. Terms seen in fewer than 2 documents are left
out (the grouper treats unseen terms as rare). Run after bench/digest_data.py:
    .venv/bin/python bench/digest_build_df.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from digest_eval import DATA, load_labels  # noqa: I001 - bench/ is on sys.path as a script

from pipeline.digest import DF_TABLE, _terms

MIN_DF = 2


def main() -> None:
    labels = load_labels()
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    dev = [d for d in docs if labels.get(d["doc_id"], {}).get("split") == "dev"]
    df: Counter[str] = Counter()
    for doc in dev:
        df.update(set(_terms(doc["title"] + " " + doc["body"])))
    rows = sorted((t, n) for t, n in df.items() if n >= MIN_DF and "\t" not in t)
    lines = [f"#documents\t{len(dev)}"] + [f"{t}\t{n}" for t, n in rows]
    Path(DF_TABLE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} terms from {len(dev)} dev articles -> {DF_TABLE}")


if __name__ == "__main__":
    main()
