#pragma once
// The chunks after group_texts as a list (one row per chunk, text made on demand), marking
// which side of the train/test split each falls on.
#include "worker/engine_types.h"

#include <QAbstractListModel>

namespace masklab::ui {

class ChunkListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    explicit ChunkListModel(QObject* parent = nullptr);
    void setChunks(ChunksPtr chunks);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    // 1 train, 2 test, 0 neither (downsampled away)
    int splitOf(std::size_t chunk) const { return chunk < m_side.size() ? m_side[chunk] : 0; }

private:
    ChunksPtr m_chunks;
    std::vector<uint8_t> m_side;
};

}  // namespace masklab::ui
