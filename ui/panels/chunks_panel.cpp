#include "panels/chunks_panel.h"

#include "panels/chunk_cells.h"
#include "panels/chunk_list_model.h"
#include "widgets/token_flow_view.h"
#include "workbench.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace masklab::ui {

ChunksPanel::ChunksPanel(Workbench* workbench, QWidget* parent)
    : QWidget(parent), m_workbench(workbench), m_model(new ChunkListModel(this))
{
    m_chunkSize = new QSpinBox(this);
    m_chunkSize->setRange(8, 512);
    m_chunkSize->setKeyboardTracking(false);  // typing "128" must not regroup at 1 and 12 first
    m_chunkSize->setToolTip(tr("Tokens per chunk (the course uses 128; DistilBERT allows 512)"));
    m_grouping = new QComboBox(this);
    m_grouping->addItem(tr("Groups of 1,000 documents (the course's batched map)"), 1000);
    m_grouping->addItem(tr("The whole corpus as one stream"), 0);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Chunk size:"), this));
    controls->addWidget(m_chunkSize);
    controls->addWidget(new QLabel(tr("Grouping:"), this));
    controls->addWidget(m_grouping);
    controls->addStretch(1);

    m_list = new QListView(this);
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);  // 120,000 rows: no per-row size computation
    m_chunkInfo = new QLabel(this);
    m_chunkInfo->setWordWrap(true);
    m_view = new TokenFlowView(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_view);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_chunkInfo);
    rightLayout->addWidget(scroll, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    m_list->setMinimumWidth(m_list->fontMetrics().horizontalAdvance(QStringLiteral("00,000 · review 00,000 · train · ")));
    split->setSizes({330, 800});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_chunkSize, &QSpinBox::valueChanged, this, [this](int size) {
        if (size != m_workbench->config().chunkSize)
            m_workbench->updateConfig([size](TrainingConfig& c) { c.chunkSize = size; });
    });
    connect(m_grouping, qOverload<int>(&QComboBox::activated), this, [this] {
        m_workbench->updateConfig([group = m_grouping->currentData().toInt()](TrainingConfig& c) { c.groupSize = group; });
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& index) {
        if (!index.isValid()) return;
        const auto chunk = static_cast<std::size_t>(index.row());
        showChunk(chunk);
        m_workbench->setPreviewChunk(chunk);
    });
    connect(m_workbench, &Workbench::chunksChanged, this, &ChunksPanel::showChunks);
    connect(m_workbench, &Workbench::configChanged, this, &ChunksPanel::syncFromConfig);
    syncFromConfig();
    if (m_workbench->chunks()) showChunks(m_workbench->chunks());
}

void ChunksPanel::syncFromConfig()
{
    const TrainingConfig& c = m_workbench->config();
    const QSignalBlocker block(m_chunkSize);
    m_chunkSize->setValue(c.chunkSize);
    const int group = m_grouping->findData(c.groupSize);
    if (group >= 0) m_grouping->setCurrentIndex(group);
    else {
        m_grouping->addItem(tr("Groups of %1 documents").arg(c.groupSize), c.groupSize);
        m_grouping->setCurrentIndex(m_grouping->count() - 1);
    }
}

void ChunksPanel::showChunks(const ChunksPtr& chunks)
{
    m_model->setChunks(chunks);
    const ChunkSet& set = chunks->chunks;
    const QLocale locale;
    m_summary->setText(tr("%1 documents, %2 tokens → <b>%3 chunks</b> of %4 tokens. Dropped tail: %5 tokens "
                          "(%6%), cut from the end of each group as the course's group_texts does.")
                           .arg(locale.toString(static_cast<qulonglong>(set.documents)))
                           .arg(locale.toString(static_cast<qulonglong>(set.tokens)))
                           .arg(locale.toString(static_cast<qulonglong>(set.size())))
                           .arg(set.chunkSize)
                           .arg(locale.toString(static_cast<qulonglong>(set.droppedTokens)))
                           .arg(locale.toString(set.tokens ? 100.0 * set.droppedTokens / set.tokens : 0.0, 'f', 2)));
    const std::size_t chunk = std::min(m_workbench->previewChunk(), set.size() ? set.size() - 1 : 0);
    if (set.size() > 0) {
        m_list->setCurrentIndex(m_model->index(static_cast<int>(chunk)));
        showChunk(chunk);
    } else {
        m_view->setCells({});
        m_chunkInfo->setText(tr("The corpus is shorter than one chunk: choose a smaller chunk size or add text."));
    }
}

void ChunksPanel::showChunk(std::size_t chunk)
{
    const ChunksPtr chunks = m_workbench->chunks();
    if (!chunks || chunk >= chunks->chunks.size()) return;
    const QVector<TokenCell> cells = chunkCells(*chunks, chunk);
    int seams = 0;
    for (const TokenCell& cell : cells) seams += cell.seamBefore ? 1 : 0;
    const uint32_t first = chunks->chunks.firstDocument[chunk];
    const QString source = QString::fromStdString(chunks->corpus->corpus.documents[first].source);
    const int side = m_model->splitOf(chunk);
    m_chunkInfo->setText(tr("Chunk %1 starts in review %2 (%3) and crosses %n review seam(s). Its labels are its "
                            "input ids: the model learns to predict the tokens masking hides. %4", nullptr, seams)
                             .arg(chunk)
                             .arg(first)
                             .arg(source.toHtmlEscaped())
                             .arg(side == 1 ? tr("It is in the training split.")
                                  : side == 2 ? tr("It is in the evaluation split.")
                                              : tr("Downsampling left it out.")));
    m_view->setCells(cells);
}

}  // namespace masklab::ui
