"""What the tokenizer peers (hf_tokenize.py, flash_tokenize.py) read and write: a JSONL file of
{"text": ...} lines in, and per document uint32 n, n int32 ids, n int32 word ids (-1 for None)
out, the format tests/peer_runner.h and masklab-bench-pipeline read back."""
import json

import numpy as np


def read_texts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def write_encoding(out, ids, word_ids):
    ids = np.asarray(ids, dtype="<i4")
    out.write(np.uint32(len(ids)).astype("<u4").tobytes())
    out.write(ids.tobytes())
    out.write(np.asarray(word_ids, dtype="<i4").tobytes())
    return len(ids)
