#!/usr/bin/env python3
"""Hugging Face's tokenizers (the Python package, HF's Rust code) on a JSONL file of {"text": ...}
lines: the peer of MaskLab's tokenizer parity tests and of the pipeline benchmark.

    hf_tokenize.py TOKENIZER_JSON INPUT_JSONL OUTPUT_BIN [--bench]

OUTPUT_BIN holds, for each line in order: uint32 n, n int32 ids, n int32 word ids (-1 for None).
With --bench, prints one JSON line {"seconds", "tokens", "documents", "bytes", "maxRssBytes",
"version"} timing encode_batch alone (reading and writing excluded). encode_batch uses
RAYON_NUM_THREADS threads (every core when unset), as Hugging Face does.
"""
import json
import resource
import sys
import time

import tokenizers
from encodings_io import read_texts, write_encoding
from tokenizers import Tokenizer

BATCH = 4096


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tokenizer_path, input_path, output_path = args
    tokenizer = Tokenizer.from_file(tokenizer_path)
    texts = read_texts(input_path)
    size = sum(len(text.encode("utf-8")) for text in texts)
    seconds = 0.0
    tokens = 0
    with open(output_path, "wb") as out:
        for start in range(0, len(texts), BATCH):
            batch = texts[start:start + BATCH]
            t0 = time.perf_counter()
            encodings = tokenizer.encode_batch(batch)
            seconds += time.perf_counter() - t0
            for e in encodings:
                tokens += write_encoding(out, e.ids, [-1 if w is None else w for w in e.word_ids])
    if "--bench" in argv:
        print(json.dumps({"seconds": seconds, "tokens": tokens, "documents": len(texts), "bytes": size,
                          "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                          "version": tokenizers.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
