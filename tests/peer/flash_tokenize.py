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
from importlib.metadata import version

from encodings_io import read_texts, write_encoding
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
    texts = read_texts(input_path)
    seconds, tokens = 0.0, 0
    with open(output_path, "wb") as out:
        for start in range(0, len(texts), BATCH):
            batch = texts[start:start + BATCH]
            t0 = time.perf_counter()
            encoded = tokenizer.tokenizer.batch_encode(batch, "longest", NO_LIMIT, True)
            seconds += time.perf_counter() - t0
            for ids in encoded:
                tokens += write_encoding(out, ids, [-1] * len(ids))
    if "--bench" in argv:
        print(json.dumps({"seconds": seconds, "tokens": tokens, "documents": len(texts),
                          "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                          "version": version("flash-tokenizer")}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
