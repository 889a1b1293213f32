#include "panels/dataset_panel.h"

#include "panels/document_table_model.h"
#include "panels/length_histogram.h"
#include "workbench.h"
#include "widgets/count_or_fraction_box.h"
#include "widgets/start_folder.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>

namespace masklab::ui {

DatasetPanel::DatasetPanel(Workbench* workbench, QWidget* parent)
    : QWidget(parent), m_workbench(workbench), m_model(new DocumentTableModel(this)), m_filter(new DocumentFilter(this))
{
    auto* open = new QToolButton(this);
    open->setText(tr("Open corpus"));
    open->setPopupMode(QToolButton::InstantPopup);
    open->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(open);
    menu->addAction(tr("aclImdb folder…"), this, &DatasetPanel::chooseFolder);
    menu->addAction(tr("File (IMDb tarball, JSONL, CSV, text)…"), this, &DatasetPanel::chooseFile);
    menu->addAction(tr("The built-in demo reviews"), this, [this] { m_workbench->loadDemo(); });
    open->setMenu(menu);
    m_source = new QLabel(this);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setWordWrap(true);
    m_split = new QComboBox(this);
    m_split->addItem(tr("train"), QStringLiteral("train"));
    m_split->addItem(tr("test"), QStringLiteral("test"));
    m_split->addItem(tr("unsup"), QStringLiteral("unsup"));
    m_split->setToolTip(tr("The aclImdb split to read (the course chunks the train split)"));
    m_textField = new QLineEdit(this);
    m_textField->setToolTip(tr("JSONL key or CSV column holding the text"));
    m_textField->setMaximumWidth(90);

    auto* top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(new QLabel(tr("Split:"), this));
    top->addWidget(m_split);
    top->addWidget(new QLabel(tr("Text field:"), this));
    top->addWidget(m_textField);
    top->addWidget(m_source, 1);

    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search the documents…"));
    m_search->setClearButtonEnabled(true);
    m_labelFilter = new QComboBox(this);
    m_labelFilter->addItem(tr("All labels"), -2);
    m_labelFilter->addItem(tr("pos"), 1);
    m_labelFilter->addItem(tr("neg"), 0);
    m_labelFilter->addItem(tr("unlabelled"), -1);
    m_counts = new QLabel(this);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_labelFilter);
    filterRow->addWidget(m_counts);

    m_filter->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DocumentTableModel::Index, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Fixed row heights: with 100,000 rows an interactive header keeps a size per section.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(DocumentTableModel::Text, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    m_document = new QPlainTextEdit(this);
    m_document->setReadOnly(true);
    m_document->setPlaceholderText(tr("Select a document to read it whole."));
    m_histogram = new LengthHistogram(this);

    m_trainSize = new CountOrFractionBox(this);
    m_testSize = new CountOrFractionBox(this);
    for (QDoubleSpinBox* box : {m_trainSize, m_testSize}) {
        box->setToolTip(tr("Chunks to keep: a count, or a fraction of all chunks when below 1 (0 = what the other side leaves)"));
    }
    // A line edit, not a spin box: seeds are 64-bit and a spin box holds an int.
    m_splitSeed = new QLineEdit(this);
    m_splitSeed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), m_splitSeed));
    m_splitLabel = new QLabel(this);
    m_splitLabel->setWordWrap(true);
    // Downsampling on one row under the table: the course's train_test_split of the chunks.
    auto* sampling = new QHBoxLayout;
    sampling->addWidget(new QLabel(tr("Train chunks:"), this));
    sampling->addWidget(m_trainSize);
    sampling->addWidget(new QLabel(tr("Test chunks:"), this));
    sampling->addWidget(m_testSize);
    sampling->addWidget(new QLabel(tr("Seed:"), this));
    sampling->addWidget(m_splitSeed);
    sampling->addWidget(m_splitLabel, 1);
    for (QWidget* box : {static_cast<QWidget*>(m_trainSize), static_cast<QWidget*>(m_testSize), static_cast<QWidget*>(m_splitSeed)})
        box->setMaximumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("0000000.000")) + 40);

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_document);
    lower->addWidget(m_histogram);
    m_histogram->setMinimumWidth(280);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    lower->setSizes({500, 500});
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(progressRow);
    layout->addLayout(filterRow);
    layout->addWidget(split, 1);
    layout->addLayout(sampling);

    // Searching 100,000 reviews takes a moment: wait until the typing pauses.
    auto* searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, [this] {
        m_filter->setSearch(m_search->text());
        showChunkSplit(m_workbench->chunks());
    });
    connect(m_labelFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_filter->setLabel(m_labelFilter->currentData().toInt());
        showChunkSplit(m_workbench->chunks());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DatasetPanel::showDocument);
    connect(m_cancel, &QPushButton::clicked, m_workbench, &Workbench::cancelLoading);
    connect(m_split, qOverload<int>(&QComboBox::activated), this, [this] {
        const std::string split = m_split->currentData().toString().toStdString();
        m_workbench->updateConfig([&](TrainingConfig& c) { c.split = split; });
    });
    connect(m_textField, &QLineEdit::editingFinished, this, [this] {
        m_textField->setModified(false);
        const std::string field = m_textField->text().trimmed().toStdString();
        if (field.empty() || field == m_workbench->config().textField) return;
        m_workbench->updateConfig([&](TrainingConfig& c) { c.textField = field; });
    });
    connect(m_trainSize, &QDoubleSpinBox::editingFinished, this, [this] {
        m_workbench->updateConfig([v = m_trainSize->value()](TrainingConfig& c) { c.trainSize = v; });
    });
    connect(m_testSize, &QDoubleSpinBox::editingFinished, this, [this] {
        m_workbench->updateConfig([v = m_testSize->value()](TrainingConfig& c) { c.testSize = v; });
    });
    connect(m_splitSeed, &QLineEdit::editingFinished, this, [this] {
        if (!m_splitSeed->isModified()) return;
        m_splitSeed->setModified(false);
        m_workbench->updateConfig([v = m_splitSeed->text().toULongLong()](TrainingConfig& c) { c.splitSeed = v; });
    });

    connect(m_workbench, &Workbench::corpusChanged, this, &DatasetPanel::showCorpus);
    connect(m_workbench, &Workbench::chunksChanged, this, &DatasetPanel::showChunkSplit);
    connect(m_workbench, &Workbench::loadingProgress, this, &DatasetPanel::showProgress);
    connect(m_workbench, &Workbench::loadingFinished, this, [this] {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
    });
    connect(m_workbench, &Workbench::configChanged, this, &DatasetPanel::syncFromConfig);
    syncFromConfig();
    if (m_workbench->corpus()) showCorpus(m_workbench->corpus());
}

void DatasetPanel::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open an aclImdb folder"), corpusStartFolder());
    if (folder.isEmpty()) return;
    rememberFolder(QStringLiteral("corpus"), folder);
    m_workbench->openCorpus(folder);
}

void DatasetPanel::chooseFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open a corpus"), corpusStartFolder(),
        tr("Corpora (*.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.tar *.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
    if (file.isEmpty()) return;
    rememberFolder(QStringLiteral("corpus"), file);
    m_workbench->openCorpus(file);
}

QString DatasetPanel::corpusStartFolder() const
{
    // The last folder a corpus was picked in, else beside the open one (not the built-in demo's).
    const QString open = QString::fromStdString(m_workbench->config().corpus);
    return startFolder(QStringLiteral("corpus"), open.contains(QLatin1String("/demo/")) ? QString() : open);
}

void DatasetPanel::syncFromConfig()
{
    const TrainingConfig& c = m_workbench->config();
    const int split = m_split->findData(QString::fromStdString(c.split));
    m_split->setCurrentIndex(split < 0 ? 0 : split);
    if (!m_textField->isModified()) m_textField->setText(QString::fromStdString(c.textField));
    m_trainSize->setValue(c.trainSize);
    m_testSize->setValue(c.testSize);
    if (!m_splitSeed->isModified()) m_splitSeed->setText(QString::number(c.splitSeed));
}

void DatasetPanel::showProgress(const QString& task, qint64 done, qint64 total)
{
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_progress->setFormat(task + QStringLiteral(" — %p%"));
    if (total <= 0) {
        m_progress->setRange(0, 0);  // busy: the total is unknown
    } else {
        // Bytes of a 130 MB archive overflow int: show per mille.
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)));
    }
}

void DatasetPanel::showCorpus(const CorpusPtr& corpus)
{
    m_model->setCorpus(corpus);
    m_document->clear();
    const QLocale locale;
    std::map<int, std::size_t> labels;
    for (const Document& d : corpus->corpus.documents) ++labels[d.label];
    QStringList parts;
    for (const auto& [label, count] : labels)
        parts << QStringLiteral("%1 %2").arg(DocumentTableModel::labelName(label), locale.toString(static_cast<qulonglong>(count)));
    m_source->setText(tr("<b>%1</b><br>%2 documents (%3), %4 tokens with %5; read in %6 s, tokenized in %7 s%8")
                          .arg(QString::fromStdString(corpus->corpus.origin).toHtmlEscaped())
                          .arg(locale.toString(static_cast<qulonglong>(corpus->corpus.size())))
                          .arg(parts.join(QStringLiteral(", ")))
                          .arg(locale.toString(static_cast<qulonglong>(corpus->store.tokenCount())))
                          .arg(corpus->tokenizerDescription.toHtmlEscaped())
                          .arg(locale.toString(corpus->readSeconds, 'f', 2))
                          .arg(locale.toString(corpus->tokenizeSeconds, 'f', 2))
                          .arg(corpus->tokensFromCache ? tr(" (from the token cache)") : QString()));
    m_histogram->setCorpus(corpus, 512);
    m_table->resizeColumnToContents(DocumentTableModel::Index);
    showChunkSplit(m_workbench->chunks());
}

void DatasetPanel::showChunkSplit(const ChunksPtr& chunks)
{
    const QLocale locale;
    m_counts->setText(tr("%1 of %2 shown").arg(locale.toString(m_filter->rowCount()),
                                               locale.toString(m_model->rowCount())));
    if (!chunks) return;
    if (!chunks->splitProblem.isEmpty()) {
        m_splitLabel->setText(tr("<span style='color:#c0392b'>%1</span>").arg(chunks->splitProblem.toHtmlEscaped()));
        return;
    }
    m_splitLabel->setText(tr("%1 chunks of %2 tokens → %3 for training, %4 for evaluation")
                              .arg(locale.toString(static_cast<qulonglong>(chunks->chunks.size())))
                              .arg(chunks->chunks.chunkSize)
                              .arg(locale.toString(static_cast<qulonglong>(chunks->split.train.size())))
                              .arg(locale.toString(static_cast<qulonglong>(chunks->split.test.size()))));
}

void DatasetPanel::showDocument()
{
    const QModelIndex current = m_filter->mapToSource(m_table->currentIndex());
    const CorpusPtr& corpus = m_model->corpus();
    if (!corpus || !current.isValid()) return;
    const auto row = static_cast<std::size_t>(current.row());
    const Document& d = corpus->corpus.documents[row];
    QString text = QString::fromStdString(d.text);
    text.replace(QLatin1String("<br />"), QLatin1String("\n"));
    m_document->setPlainText(tr("%1 — label %2, rating %3, %4 tokens\n\n%5")
                                 .arg(QString::fromStdString(d.source), DocumentTableModel::labelName(d.label),
                                      d.rating < 0 ? QStringLiteral("—") : QString::number(d.rating))
                                 .arg(corpus->tokenCount(row))
                                 .arg(text));
}

}  // namespace masklab::ui
