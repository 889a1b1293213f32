#include "panels/chunk_list_model.h"

#include "panels/chunk_cells.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace masklab::ui {

ChunkListModel::ChunkListModel(QObject* parent) : QAbstractListModel(parent) {}

void ChunkListModel::setChunks(ChunksPtr chunks)
{
    beginResetModel();
    m_chunks = std::move(chunks);
    m_side.assign(m_chunks ? m_chunks->chunks.size() : 0, 0);
    if (m_chunks) {
        for (std::size_t c : m_chunks->split.train) m_side[c] = 1;
        for (std::size_t c : m_chunks->split.test) m_side[c] = 2;
    }
    endResetModel();
}

int ChunkListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_chunks ? 0 : static_cast<int>(m_chunks->chunks.size());
}

QVariant ChunkListModel::data(const QModelIndex& index, int role) const
{
    if (!m_chunks || !index.isValid()) return {};
    const auto c = static_cast<std::size_t>(index.row());
    if (role == Qt::DisplayRole) {
        // The first words of the chunk, so the list reads like text.
        const Tokenizer& tokenizer = *m_chunks->corpus->tokenizer;
        const int32_t* ids = m_chunks->chunks.chunkIds(c);
        const int32_t* words = m_chunks->chunks.chunkWordIds(c);
        QString head;
        for (int i = 0; i < std::min(m_chunks->chunks.chunkSize, 12); ++i) {
            const bool joined = i > 0 && words[i] >= 0 && words[i] == words[i - 1];
            if (i > 0 && !joined) head += QLatin1Char(' ');
            head += displayToken(tokenizer.idToToken(ids[i]));
        }
        const QString side = m_side[c] == 1 ? tr("train") : m_side[c] == 2 ? tr("test") : QStringLiteral("—");
        return tr("%1 · review %2 · %3 · %4…")
            .arg(QLocale().toString(static_cast<qulonglong>(c)))
            .arg(m_chunks->chunks.firstDocument[c])
            .arg(side, head);
    }
    if (role == Qt::ForegroundRole && m_side[c] == 0) return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    return {};
}

}  // namespace masklab::ui
