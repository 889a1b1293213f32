#!/usr/bin/env python3
"""flash-tokenizer (PyPI; "the fastest CPU BERT tokenizer") on a JSONL file of {"text": ...}
lines, beside Hugging Face's tokenizers in masklab-bench-pipeline.

    flash_tokenize.py VOCAB_TXT INPUT_JSONL OUTPUT_BIN [--bench]

OUTPUT_BIN as hf_tokenize.py's (uint32 n, n int32 ids, n int32 word ids); flash-tokenizer gives
no word ids, so they are all -1. It uses OMP_NUM_THREADS threads (every core when unset). With
--bench, prints one JSON line {"seconds", "tokens", "documents", "maxRssBytes", "version"}
timing batch_encode alone, uncased, no truncation.
"""
import json
import resource
import sys
import time

import numpy as np
from flash_tokenizer import BertTokenizerFlash

NO_LIMIT = 1 << 20
BATCH = 4096


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    vocab, input_path, output_path = args
    tokenizer = BertTokenizerFlash(vocab, do_lower_case=True, model_max_length=NO_LIMIT)
    with open(input_path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    seconds, tokens = 0.0, 0
    with open(output_path, "wb") as out:
        for start in range(0, len(texts), BATCH):
            batch = texts[start:start + BATCH]
            t0 = time.perf_counter()
            encoded = tokenizer.tokenizer.batch_encode(batch, "longest", NO_LIMIT, True)
            seconds += time.perf_counter() - t0
            for ids in encoded:
                ids = np.asarray(ids, dtype="<i4")
                tokens += len(ids)
                out.write(np.uint32(len(ids)).astype("<u4").tobytes())
                out.write(ids.tobytes())
                out.write(np.full(len(ids), -1, dtype="<i4").tobytes())
    if "--bench" in argv:
        print(json.dumps({"seconds": seconds, "tokens": tokens, "documents": len(texts),
                          "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                          "version": "1.2.0"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
