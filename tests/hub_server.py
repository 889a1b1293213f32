#!/usr/bin/env python3
"""A stand-in for the Hugging Face Hub on 127.0.0.1, for tests that may not touch the internet.

Two servers, as on huggingface.co: the Hub answers /{repo}/resolve/{revision}/{path} with the
real headers (X-Repo-Commit, ETag, X-Linked-Etag, X-Linked-Size, X-Error-Code) and sends large
(LFS) files to a second "storage" port with an absolute redirect, where the bytes are served
with Range support. Repos are model folders on disk. Every request is logged as a JSON line
(method, path, Range, whether an Authorization header came), so a test can check what its
client asked for.

On start it prints one JSON line: {"hub": PORT, "storage": PORT}. It exits when stdin closes,
so it never outlives the test that started it.

Behaviours a test can ask for:
  --repo ID=FOLDER         serve FOLDER as model repo ID (repeat); its commit is derived from the bytes
  --tag ID@TAG             also answer revision TAG with the commit of ID
  --gated ID --token TOK   ID answers 401 GatedRepo unless "Authorization: Bearer TOK" comes
  --rename OLD=NEW         OLD answers with a relative redirect to NEW (a renamed repo)
  --cut PATH               the first GET of that file stops half-way (the connection is cut)
  --corrupt PATH           that file is served with one byte flipped (its sha256 no longer matches)
  --slow PATH=BYTES_PER_S  that file trickles, so a client can be stopped in the middle
  --ignore-range           storage answers 200 with the whole file to Range requests
  --too-long PATH          that file's body is longer than its announced size
  --file NAME=PATH         a plain file at storage /files/NAME (the IMDb tarball)
  --log FILE               where the request log goes
"""
import argparse
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LFS_SUFFIXES = (".safetensors", ".bin", ".model", ".h5", ".msgpack", ".gz")


class Repo:
    def __init__(self, repo_id, folder):
        self.repo_id = repo_id
        self.files = {}
        for root, _, names in os.walk(folder):
            for name in names:
                full = os.path.join(root, name)
                rel = os.path.relpath(full, folder).replace(os.sep, "/")
                with open(full, "rb") as f:
                    self.files[rel] = f.read()
        listing = hashlib.sha1()
        for rel in sorted(self.files):
            listing.update(rel.encode() + b"\0" + hashlib.sha1(self.files[rel]).digest())
        self.commit = listing.hexdigest()
        self.revisions = {"main": self.commit, self.commit: self.commit}


def git_blob_sha1(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class State:
    def __init__(self, args):
        self.repos = {}
        for spec in args.repo:
            repo_id, folder = spec.split("=", 1)
            self.repos[repo_id] = Repo(repo_id, folder)
        for spec in args.tag:
            repo_id, tag = spec.split("@", 1)
            self.repos[repo_id].revisions[tag] = self.repos[repo_id].commit
        self.gated = set(args.gated)
        self.token = args.token
        self.renamed = dict(spec.split("=", 1) for spec in args.rename)
        self.cut = set(args.cut)
        self.corrupt = set(args.corrupt)
        self.slow = {k: float(v) for k, v in (spec.split("=", 1) for spec in args.slow)}
        self.too_long = set(args.too_long)
        self.ignore_range = args.ignore_range
        self.files = dict(spec.split("=", 1) for spec in args.file)
        self.blobs = {}  # sha256 -> (path in repo, bytes)
        for repo in self.repos.values():
            for path, data in repo.files.items():
                self.blobs[hashlib.sha256(data).hexdigest()] = (path, data)
        self.cut_done = set()
        self.storage_port = 0
        self.lock = threading.Lock()
        self.log = open(args.log, "a", buffering=1) if args.log else None

    def record(self, handler, server):
        if not self.log:
            return
        entry = {
            "server": server,
            "method": handler.command,
            "path": handler.path,
            "range": handler.headers.get("Range"),
            "authorization": handler.headers.get("Authorization") is not None,
        }
        with self.lock:
            self.log.write(json.dumps(entry) + "\n")


def send_bytes(handler, state, path, data, head, headers=None):
    """Answers GET/HEAD for one file's bytes with Range support and the test behaviours."""
    if path in state.corrupt:
        data = bytes([data[0] ^ 0xFF]) + data[1:]
    size = len(data)
    start = 0
    status = 200
    range_header = handler.headers.get("Range")
    if range_header and not state.ignore_range and range_header.startswith("bytes="):
        start = int(range_header[6:].split("-", 1)[0])
        if start >= size:
            handler.send_response(416)
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.send_header("Content-Range", "bytes */%d" % size)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        status = 206
    body = data[start:]
    if path in state.too_long:
        body = body + b"\0" * 4096
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Accept-Ranges", "bytes")
    if status == 206:
        handler.send_header("Content-Range", "bytes %d-%d/%d" % (start, size - 1, size))
    handler.end_headers()
    if head:
        return
    cut_at = None
    if path in state.cut:
        with state.lock:
            if path not in state.cut_done:
                state.cut_done.add(path)
                cut_at = len(body) // 2
    rate = state.slow.get(path)
    chunk = 16384 if rate else 1 << 20
    sent = 0
    try:
        while sent < len(body):
            piece = body[sent : sent + chunk]
            if cut_at is not None and sent + len(piece) >= cut_at:
                handler.wfile.write(piece[: cut_at - sent])
                handler.wfile.flush()
                handler.close_connection = True
                handler.connection.shutdown(2)  # the cut: the client sees a short body
                return
            handler.wfile.write(piece)
            sent += len(piece)
            if rate:
                time.sleep(len(piece) / rate)
    except (BrokenPipeError, ConnectionResetError):
        pass


class Handler(BaseHTTPRequestHandler):
    """HEAD and GET both go to answer(); keep-alive as the Hub's HTTP/1.1."""

    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)


class HubHandler(Handler):
    def error(self, status, code, message, commit=None):
        self.send_response(status)
        self.send_header("X-Error-Code", code)
        self.send_header("X-Error-Message", message)
        if commit:
            self.send_header("X-Repo-Commit", commit)
        body = json.dumps({"error": message}).encode()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def answer(self, head):
        state = self.state
        state.record(self, "hub")
        url = urllib.parse.urlsplit(self.path)
        marker = "/resolve/"
        if marker not in url.path:
            return self.error(404, "RepoNotFound", "Not a resolve URL")
        repo_id, rest = url.path[1:].split(marker, 1)
        repo_id = urllib.parse.unquote(repo_id)
        revision, _, path = rest.partition("/")
        revision = urllib.parse.unquote(revision)
        path = urllib.parse.unquote(path)
        if repo_id in state.renamed:
            target = "/%s/resolve/%s/%s" % (state.renamed[repo_id], urllib.parse.quote(revision, safe=""), path)
            self.send_response(307)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        repo = state.repos.get(repo_id)
        if repo is None:
            return self.error(404, "RepoNotFound", "Repository not found")
        if repo_id in state.gated and self.headers.get("Authorization") != "Bearer %s" % state.token:
            return self.error(401, "GatedRepo", "Access to model %s is restricted." % repo_id)
        commit = repo.revisions.get(revision)
        if commit is None:
            return self.error(404, "RevisionNotFound", "Invalid rev id: %s" % revision)
        data = repo.files.get(path)
        if data is None:
            return self.error(404, "EntryNotFound", "Entry not found", commit=commit)
        if path.endswith(LFS_SUFFIXES):
            sha = hashlib.sha256(data).hexdigest()
            self.send_response(302)
            self.send_header("X-Repo-Commit", commit)
            self.send_header("ETag", '"%s"' % git_blob_sha1(data))
            self.send_header("X-Linked-Etag", '"%s"' % sha)
            self.send_header("X-Linked-Size", str(len(data)))
            self.send_header(
                "Location", "http://127.0.0.1:%d/repos/%s?X-Amz-Signature=test" % (state.storage_port, sha)
            )
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        # Small files come from the Hub itself, named by their git blob sha1.
        headers = {"X-Repo-Commit": commit, "ETag": '"%s"' % git_blob_sha1(data)}
        send_bytes(self, state, path, data, head, headers)


class StorageHandler(Handler):
    def answer(self, head):
        state = self.state
        state.record(self, "storage")
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/repos/"):
            blob = state.blobs.get(url.path[len("/repos/") :])
            if blob:
                return send_bytes(self, state, blob[0], blob[1], head)
        if url.path.startswith("/files/"):
            name = url.path[len("/files/") :]
            if name in state.files:
                with open(state.files[name], "rb") as f:
                    data = f.read()
                return send_bytes(self, state, name, data, head)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("repo", "tag", "gated", "rename", "cut", "corrupt", "slow", "too-long", "file"):
        parser.add_argument("--" + name, action="append", default=[])
    parser.add_argument("--token", default="hf_test_token")
    parser.add_argument("--ignore-range", action="store_true")
    parser.add_argument("--log")
    args = parser.parse_args()
    state = State(args)
    Handler.state = state
    hub = ThreadingHTTPServer(("127.0.0.1", 0), HubHandler)
    storage = ThreadingHTTPServer(("127.0.0.1", 0), StorageHandler)
    hub.daemon_threads = storage.daemon_threads = True
    state.storage_port = storage.server_address[1]
    for server in (hub, storage):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"hub": hub.server_address[1], "storage": storage.server_address[1]}), flush=True)
    sys.stdin.read()  # until the test closes our stdin (or dies)


if __name__ == "__main__":
    main()
