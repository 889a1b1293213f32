#pragma once
// Turns a chunk (and optionally its masked version) into the cells TokenFlowView draws: token
// text without its continuation marker, pieces of one word joined, review seams marked.
#include "widgets/token_flow_view.h"
#include "worker/engine_types.h"

namespace masklab::ui {

QVector<TokenCell> chunkCells(const ChunkSnapshot& snapshot, std::size_t chunk, const masklab::MaskedChunk* masked = nullptr);

// The token as a reader sees it: "##ing" -> "ing", SentencePiece's "▁the" -> "the".
QString displayToken(const std::string& token);

}  // namespace masklab::ui
