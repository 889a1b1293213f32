#!/usr/bin/env python3
"""Latency of pipeline("fill-mask") on one sentence: the peer of masklab-bench-training's
fill-mask figure.

    fill_mask_bench.py MODEL_DIR TEXT --threads T [--runs N]

Prints one JSON line: median_ms, min_ms, max_ms, top (the best token_str), torch, transformers.
Timed after one warm-up call, top_k 5, on the CPU.
"""
import argparse
import json
import statistics
import time

import torch
import transformers
from transformers import pipeline


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir")
    parser.add_argument("text")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    transformers.logging.set_verbosity_error()
    fill = pipeline("fill-mask", model=args.model_dir, tokenizer=args.model_dir, device="cpu")
    top = fill(args.text, top_k=5)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        fill(args.text, top_k=5)
        times.append((time.perf_counter() - start) * 1e3)
    print(json.dumps({"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
                      "top": top[0]["token_str"], "torch": torch.__version__,
                      "transformers": transformers.__version__}))


if __name__ == "__main__":
    main()
