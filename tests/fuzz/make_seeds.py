#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from real files: the fixtures' tokenizer,
configs, IMDb reviews and prose, and files written by the real tools (tokenizers trains a small
tokenizer.json, transformers saves tiny models with random weights as safetensors, sharded
safetensors and pytorch_model.bin, Python's tarfile and csv write archives and tables). The seeds
that MaskLab itself writes (token cache, SentencePiece model, training state) come from
masklab-fuzz-seeds and masklab-cli.

usage: make_seeds.py OUT FIXTURES SEED_WRITER MASKLAB_CLI
"""
import csv
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

SEPARATOR = "\n=====\n"  # fuzz_vocab_files.cpp's kSeparator


def reviews(fixtures, count):
    with open(fixtures / "imdb" / "imdb_sample_1000.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(count), f)]
    return rows


def prose(fixtures, count):
    with open(fixtures / "general" / "gutenberg_prose.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["text"][:600] for _, line in zip(range(count), f)]


def put(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def tokenizer_seeds(out, fixtures, texts):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers, decoders

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=300, special_tokens=specials))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    put(out / "tokenizer_json", "wordpiece-template.json", tok.to_str())
    tok.post_processor = processors.BertProcessing(("[SEP]", sep), ("[CLS]", cls))
    put(out / "tokenizer_json", "wordpiece-bertprocessing.json", tok.to_str())
    bpe = Tokenizer(models.BPE(unk_token="[UNK]"))
    bpe.pre_tokenizer = pre_tokenizers.Whitespace()
    bpe.train_from_iterator(texts, trainers.BpeTrainer(vocab_size=200, special_tokens=specials))
    put(out / "tokenizer_json", "bpe.json", bpe.to_str())

    vocab = [t for t, _ in sorted(tok.get_vocab().items(), key=lambda kv: kv[1])]
    config = (fixtures / "bert-base-uncased" / "tokenizer_config.json").read_text(encoding="utf-8")
    special_map = (fixtures / "bert-base-uncased" / "special_tokens_map.json").read_text(encoding="utf-8")
    put(out / "vocab_files", "vocab-config-map.txt", "\n".join(vocab) + "\n" + SEPARATOR + config + SEPARATOR + special_map)
    put(out / "vocab_files", "vocab-only.txt", "\n".join(vocab) + "\n")
    put(out / "vocab_files", "vocab-cased-config.txt",
        "\n".join(vocab) + "\n" + SEPARATOR + json.dumps({"do_lower_case": False, "model_max_length": 512}))
    return vocab


def text_seeds(out, fixtures, rows, lines):
    folder = out / "wordpiece"
    examples = json.loads((fixtures / "golden" / "tokenization_examples.bert-base-uncased.json").read_text())
    for i, example in enumerate(examples[:12]):
        put(folder, f"example-{i}.txt", example["text"])
    for i, row in enumerate(rows[:6]):
        put(folder, f"review-{i}.txt", row["text"][:800])
    for i, line in enumerate(lines[:4]):
        put(folder, f"prose-{i}.txt", line)

    folder = out / "text_formats"
    jsonl = "".join(json.dumps({"text": r["text"][:300], "label": r.get("label", 0)}) + "\n" for r in rows[:5])
    put(folder, "jsonl.bin", b"\x00" + jsonl.encode())
    for mode, delimiter, name in ((1, ",", "csv.bin"), (2, "\t", "tsv.bin")):
        table = io.StringIO()
        writer = csv.writer(table, delimiter=delimiter)
        writer.writerow(["text", "label"])
        for r in rows[:5]:
            writer.writerow([r["text"][:300], r.get("label", 0)])
        put(folder, name, bytes([mode]) + table.getvalue().encode())
    text = "\n\n".join(lines[:5])
    for mode in (3, 4, 5):
        put(folder, f"text-{mode}.bin", bytes([mode]) + text.encode())
    put(folder, "json-array.bin", b"\x06" + json.dumps([{"text": r["text"][:200]} for r in rows[:3]]).encode())

    folder = out / "aclimdb_archive"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        entries = [("aclImdb/README", b"Large Movie Review Dataset v1.0\n")]
        for i, r in enumerate(rows[:6]):
            split = "train/pos" if i % 3 == 0 else "train/neg" if i % 3 == 1 else "train/unsup"
            rating = (9, 2, 0)[i % 3]
            entries.append((f"aclImdb/{split}/{i}_{rating}.txt", r["text"][:400].encode()))
        entries.append(("aclImdb/test/pos/0_10.txt", rows[6]["text"][:200].encode()))
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    put(folder, "aclImdb-small.tar", buffer.getvalue())


def model_seeds(out, fixtures, python_peer, vocab_file):
    configs = out / "config_json"
    configs.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixtures / "distilbert-base-uncased" / "config.json", configs / "distilbert-base-uncased.json")
    shutil.copy(fixtures / "bert-base-uncased" / "config.json", configs / "bert-base-uncased.json")
    shutil.copy(fixtures / "distilbert-base-uncased" / "variants" / "config.finetuned-38labels.json",
                configs / "finetuned-38labels.json")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for arch in ("distilbert", "bert"):
            for fmt, extra in (("safetensors", []), ("bin", []), ("safetensors", ["--max-shard-size", "8KB"])):
                folder = tmp / f"{arch}-{fmt}-{len(extra)}"
                subprocess.run([sys.executable, python_peer, "random-model", str(folder), "--arch", arch,
                                "--vocab", str(vocab_file), "--shape", "tiny", "--format", fmt] + extra, check=True,
                               stdout=subprocess.DEVNULL, env=dict(os.environ, TQDM_DISABLE="1"))
                shutil.copy(folder / "config.json", configs / f"{arch}-tiny.json")
                if fmt == "bin":
                    put(out / "pytorch_bin", f"{arch}.bin", (folder / "pytorch_model.bin").read_bytes())
                    with zipfile.ZipFile(folder / "pytorch_model.bin") as z:
                        pickle = next(n for n in z.namelist() if n.endswith("/data.pkl"))
                        put(out / "unpickler", f"{arch}.pkl", z.read(pickle))
                elif extra:
                    put(out / "shard_index", f"{arch}.json", (folder / "model.safetensors.index.json").read_bytes())
                else:
                    put(out / "safetensors", f"{arch}.safetensors", (folder / "model.safetensors").read_bytes())


def hub_seeds(out):
    commit = "4f2c1c6d5e0b2a9d8c7b6a5f4e3d2c1b0a998877"
    sha = "a" * 64
    heads = {
        "head-lfs.txt": f"HTTP/1.1 302 Found\r\nx-repo-commit: {commit}\r\nx-linked-etag: \"{sha}\"\r\n"
                        f"x-linked-size: 267967963\r\nlocation: https://cdn-lfs.hf.co/repos/ab/cd/{sha}?X-Amz=1\r\n"
                        "content-length: 0\r\n\r\n",
        "head-small.txt": f"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 483\r\n"
                          f"etag: W/\"1e3-abcdef\"\r\nx-repo-commit: {commit}\r\n\r\n",
        "head-renamed.txt": "HTTP/1.1 307 Temporary Redirect\r\nlocation: /api/renamed/resolve/main/config.json\r\n"
                            "HTTP/1.1 200 OK\r\ncontent-length: 10\r\n",
        "resume.txt": "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 206 Partial Content\r\n"
                      "content-range: bytes 1000-267967962/267967963\r\ncontent-length: 267966963\r\n\r\n",
        "gated.txt": "HTTP/1.1 401 Unauthorized\r\nx-error-code: GatedRepo\r\n"
                     "x-error-message: Access to model org/name is restricted.\r\n",
        "names.txt": "distilbert-base-uncased\norg/name@v1.0\n../etc/passwd\nmodels--org--name\n"
                     f"org/name@{commit}\nhttps://huggingface.co/org/name\n//host/x\nC:\\x\n",
    }
    for name, text in heads.items():
        put(out / "http_response", name, text)


def masklab_seeds(out, fixtures, seed_writer, cli, rows):
    subprocess.run([seed_writer, str(out), str(fixtures)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        corpus = tmp / "reviews.jsonl"
        corpus.write_text("".join(json.dumps({"text": r["text"]}) + "\n" for r in rows[:40]))
        run = tmp / "run"
        subprocess.run([cli, "train", "--from-scratch", "tiny", "--corpus", str(corpus), "--epochs", "1",
                        "--train-size", "16", "--test-size", "4", "--batch-size", "8", "--chunk-size", "32",
                        "--tokenizer", str(fixtures / "bert_uncased_tokenizer" / "tokenizer.json"),
                        "--output-dir", str(run), "--device", "cpu", "--threads", "1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        put(out / "training_state", "trainer_state.json", (run / "state" / "trainer_state.json").read_bytes())
        put(out / "training_config", "run-config.json", (run / "training_config.json").read_bytes())
    put(out / "training_config", "empty.json", "{}")


def main():
    out, fixtures, seed_writer, cli = (pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4])
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rows = reviews(fixtures, 40)
    lines = prose(fixtures, 40)
    vocab = tokenizer_seeds(out, fixtures, [r["text"] for r in rows] + lines)
    text_seeds(out, fixtures, rows, lines)
    peer = pathlib.Path(__file__).resolve().parent.parent / "peer" / "transformers_peer.py"
    with tempfile.TemporaryDirectory() as tmp:
        vocab_file = pathlib.Path(tmp) / "vocab.txt"
        vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")
        model_seeds(out, fixtures, peer, vocab_file)
    hub_seeds(out)
    masklab_seeds(out, fixtures, seed_writer, cli, rows)
    for folder in sorted(out.iterdir()):
        files = list(folder.iterdir())
        print(f"{folder.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files):,} bytes")


if __name__ == "__main__":
    main()
