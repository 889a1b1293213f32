#!/usr/bin/env python3
"""Downloads one model repo from tests/hub_server.py on 127.0.0.1 with masklab-cli and with
huggingface_hub's hf_hub_download (the peer), each into a fresh cache, and prints wall time,
throughput and peak RSS of each. Nothing leaves the machine.

  python3 app/bench/bench_hub_download.py --cli build/bin/masklab-cli --model DIR [--repeat 3]

DIR is a model folder (config.json, model.safetensors, tokenizer files), e.g. one written by
`tests/peer/transformers_peer.py random-model DIR --arch distilbert --shape full` (268 MB).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "..", "tests", "hub_server.py")

# The files MaskLab asks for, one hf_hub_download each (snapshot_download would first ask the
# /api/ listing, which the stand-in server does not have); absent ones are skipped.
PYTHON_DOWNLOAD = """
import sys
from huggingface_hub import hf_hub_download
from huggingface_hub.errors import EntryNotFoundError
for name in ["config.json", "model.safetensors", "tokenizer.json", "vocab.txt", "spiece.model",
             "tokenizer_config.json", "special_tokens_map.json"]:
    try:
        print(hf_hub_download(sys.argv[1], name))
    except EntryNotFoundError:
        pass
"""


def timed(command, env):
    """Wall seconds and peak RSS (MB) of one child process (its own rusage, through wait4)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.exit("%s failed: %s" % (command[0], errors.read().decode()[-400:]))
    return seconds, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = sum(os.path.getsize(os.path.join(args.model, f)) for f in os.listdir(args.model))

    server = subprocess.Popen([sys.executable, SERVER, "--repo", "bench/model=" + args.model],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ports = json.loads(server.stdout.readline())
    endpoint = "http://127.0.0.1:%d" % ports["hub"]
    rows = {"masklab-cli download": [], "huggingface_hub hf_hub_download": []}
    try:
        for _ in range(args.repeat):
            for name in rows:
                cache = tempfile.mkdtemp(prefix="bench-hub-")
                env = dict(os.environ, HF_ENDPOINT=endpoint, HF_HUB_CACHE=cache, HF_HUB_DISABLE_XET="1",
                           HF_HUB_DISABLE_PROGRESS_BARS="1")
                command = ([args.cli, "download", "bench/model"] if name.startswith("masklab")
                           else [sys.executable, "-c", PYTHON_DOWNLOAD, "bench/model"])
                seconds, peak = timed(command, env)
                rows[name].append((seconds, peak))
                shutil.rmtree(cache)
    finally:
        server.stdin.close()
        server.wait()
    print("repo of %.1f MB over loopback, %d runs each (median wall time, largest peak RSS)" % (size / 1e6, args.repeat))
    for name, runs in rows.items():
        seconds = sorted(r[0] for r in runs)[len(runs) // 2]
        peak = max(r[1] for r in runs)
        print("%-36s %6.2f s  %7.1f MB/s  peak RSS %6.1f MB" % (name, seconds, size / 1e6 / seconds, peak))


if __name__ == "__main__":
    main()
