#include "panels/chunk_cells.h"

namespace masklab::ui {

QString displayToken(const std::string& token)
{
    QString text = QString::fromStdString(token);
    if (text.startsWith(QLatin1String("##")) && text.size() > 2) return text.mid(2);
    if (text.startsWith(QChar(0x2581)) && text.size() > 1) return text.mid(1);
    return text;
}

QVector<TokenCell> chunkCells(const ChunkSnapshot& snapshot, std::size_t chunk, const MaskedChunk* masked)
{
    QVector<TokenCell> cells;
    const ChunkSet& chunks = snapshot.chunks;
    if (chunk >= chunks.size()) return cells;
    const Tokenizer& tokenizer = *snapshot.corpus->tokenizer;
    const int32_t cls = tokenizer.specialTokens().cls;
    const int32_t* ids = chunks.chunkIds(chunk);
    const int32_t* words = chunks.chunkWordIds(chunk);
    const uint8_t* attention = chunks.chunkAttention(chunk);
    const int length = chunks.chunkSize;
    cells.reserve(length);
    // The chunk starts inside review firstDocument; each seam begins the next one.
    int review = static_cast<int>(chunks.firstDocument[chunk]);
    for (int i = 0; i < length; ++i) {
        TokenCell cell;
        cell.position = i;
        cell.padding = attention[i] == 0;
        cell.special = tokenizer.isSpecial(ids[i]);
        // Pieces of one word share a word id; specials carry none. Word ids restart with every
        // review, and a [SEP] [CLS] pair always sits between two reviews, so no join crosses a seam.
        cell.continuation = i > 0 && words[i] >= 0 && words[i] == words[i - 1];
        cell.seamBefore = i > 0 && ids[i] == cls;
        if (cell.seamBefore) cell.review = ++review;
        const int32_t shown = masked ? masked->inputIds[static_cast<std::size_t>(i)] : ids[i];
        cell.text = cell.special ? QString::fromStdString(tokenizer.idToToken(shown)) : displayToken(tokenizer.idToToken(shown));
        if (masked) {
            cell.outcome = static_cast<TokenOutcome>(masked->outcome[static_cast<std::size_t>(i)]);
            if (cell.outcome != TokenOutcome::None) {
                cell.original = QString::fromStdString(tokenizer.idToToken(ids[i]));
                if (cell.outcome != TokenOutcome::Kept) cell.text = QString::fromStdString(tokenizer.idToToken(shown));
            }
        }
        cells.push_back(cell);
    }
    return cells;
}

}  // namespace masklab::ui
