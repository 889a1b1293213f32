// Runs Hugging Face's tokenizers (the Rust library, through its Node binding) on a JSONL file
// of {"text": ...} lines, as the peer for MaskLab's parity tests and benchmarks.
//
//   node hf_tokenize.js TOKENIZER_JSON INPUT_JSONL OUTPUT_BIN [--bench]
//
// OUTPUT_BIN holds, for each line in order: uint32 n, n int32 ids, n int32 word ids (-1 for
// None). With --bench, prints one JSON line {"seconds", "tokens", "documents", "bytes",
// "maxRssBytes"} timing
// encodeBatch alone (reading and writing excluded), on every core as Hugging Face does.
'use strict';
const fs = require('fs');
const readline = require('readline');
const { Tokenizer } = require('tokenizers');

async function main() {
  const [tokenizerPath, inputPath, outputPath, flag] = process.argv.slice(2);
  if (!tokenizerPath || !inputPath || !outputPath) {
    console.error('usage: node hf_tokenize.js TOKENIZER_JSON INPUT_JSONL OUTPUT_BIN [--bench]');
    process.exit(2);
  }
  const tokenizer = Tokenizer.fromFile(tokenizerPath);
  const texts = [];
  let bytes = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(inputPath), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    const text = JSON.parse(line).text;
    texts.push(text);
    bytes += Buffer.byteLength(text, 'utf8');
  }
  const out = fs.openSync(outputPath, 'w');
  const batchSize = 4096;
  let seconds = 0;
  let tokens = 0;
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const t0 = process.hrtime.bigint();
    const encodings = await tokenizer.encodeBatch(batch);
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const parts = [];
    for (const e of encodings) {
      const ids = e.getIds();
      const words = e.getWordIds();
      tokens += ids.length;
      const buffer = Buffer.alloc(4 + 8 * ids.length);
      buffer.writeUInt32LE(ids.length, 0);
      for (let i = 0; i < ids.length; i++) {
        buffer.writeInt32LE(ids[i], 4 + 4 * i);
        const w = words[i];
        buffer.writeInt32LE(w === null || w === undefined ? -1 : w, 4 + 4 * ids.length + 4 * i);
      }
      parts.push(buffer);
    }
    fs.writeSync(out, Buffer.concat(parts));
  }
  fs.closeSync(out);
  if (flag === '--bench') {
    console.log(JSON.stringify({ seconds, tokens, documents: texts.length, bytes,
      maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  }
}

main().catch((error) => {
  console.error(`hf_tokenize.js: ${error.message}`);
  process.exit(1);
});
