#pragma once
// Chunks: the corpus after group_texts, with the chunk size and grouping controls; one chunk
// drawn as tokens with word pieces joined and review seams marked; the dropped tail counted.
#include "worker/engine_types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QSpinBox;

namespace masklab::ui {

class ChunkListModel;
class TokenFlowView;
class Workbench;

class ChunksPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ChunksPanel(Workbench* workbench, QWidget* parent = nullptr);
    QSpinBox* chunkSizeBox() const { return m_chunkSize; }
    QComboBox* groupingBox() const { return m_grouping; }
    QListView* list() const { return m_list; }
    TokenFlowView* view() const { return m_view; }
    QLabel* summary() const { return m_summary; }

private:
    void showChunks(const ChunksPtr& chunks);
    void showChunk(std::size_t chunk);
    void syncFromConfig();

    Workbench* m_workbench;
    ChunkListModel* m_model;
    QSpinBox* m_chunkSize;
    QComboBox* m_grouping;
    QLabel* m_summary;
    QListView* m_list;
    QLabel* m_chunkInfo;
    TokenFlowView* m_view;
};

}  // namespace masklab::ui
