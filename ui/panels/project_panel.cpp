#include "panels/project_panel.h"

#include "masklab/hub.h"
#include "widgets/download_box.h"
#include "workbench.h"
#include "widgets/start_folder.h"

#include <QCompleter>
#include <QFileInfo>
#include <QStringListModel>

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masklab::ui {

ProjectPanel::ProjectPanel(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    auto* projectLabel = new QLabel(tr("Project folder: %1").arg(m_workbench->projectDir().toHtmlEscaped()), this);
    projectLabel->setWordWrap(true);
    projectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_folderMode = new QRadioButton(tr("Adapt a model: a folder (save_pretrained layout) or a Hugging Face repo id"), this);
    m_scratchMode = new QRadioButton(tr("Train a new model from scratch"), this);
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_folderMode);
    modes->addButton(m_scratchMode);
    m_folder = new QLineEdit(this);
    m_folder->setPlaceholderText(tr("a folder, or a repo id from the Hugging Face cache (org/name)"));
    m_folder->setToolTip(tr("A folder with config.json, model.safetensors or pytorch_model.bin and the tokenizer "
                            "files, or a Hugging Face repo id: taken from the cache (~/.cache/huggingface/hub, "
                            "shared with Python) or downloaded"));
    m_cached = new QStringListModel(this);
    auto* completer = new QCompleter(m_cached, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_folder->setCompleter(completer);
    m_repo = new QLineEdit(this);
    m_repo->setPlaceholderText(tr("distilbert-base-uncased, or org/name@revision"));
    m_download = new QPushButton(tr("Download"), this);
    m_downloadBox = new DownloadBox(m_workbench->engine(), QStringLiteral("model"), this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    m_preset = new QComboBox(this);
    for (const char* preset : {"tiny", "mini", "small", "distilbert", "bert-base"}) m_preset->addItem(QString::fromLatin1(preset));
    m_preset->setToolTip(tr("tiny: 2 layers of 128 · mini: 4 × 256 · small: 4 × 512 · distilbert: the "
                            "distilbert-base-uncased shapes · bert-base: BERT-base shapes"));
    m_tokenizer = new QLineEdit(this);
    m_tokenizer->setPlaceholderText(tr("empty: build a WordPiece vocabulary from the corpus"));
    auto* browseTokenizer = new QPushButton(tr("Browse…"), this);
    m_vocabSize = new QSpinBox(this);
    m_vocabSize->setRange(200, 200000);
    m_vocabSize->setSingleStep(500);

    auto* modelBox = new QGroupBox(tr("Model"), this);
    auto* form = new QFormLayout(modelBox);
    form->addRow(m_folderMode);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder or repo:"), folderRow);
    form->addRow(m_scratchMode);
    form->addRow(tr("Size:"), m_preset);
    auto* tokenizerRow = new QHBoxLayout;
    tokenizerRow->addWidget(m_tokenizer, 1);
    tokenizerRow->addWidget(browseTokenizer);
    form->addRow(tr("Tokenizer:"), tokenizerRow);
    form->addRow(tr("Built vocabulary:"), m_vocabSize);

    auto* hubBox = new QGroupBox(tr("Download from Hugging Face"), this);
    auto* hubLayout = new QVBoxLayout(hubBox);
    auto* repoRow = new QHBoxLayout;
    repoRow->addWidget(m_repo, 1);
    repoRow->addWidget(m_download);
    hubLayout->addLayout(repoRow);
    hubLayout->addWidget(m_downloadBox);

    m_title = new QLabel(tr("No model yet: open a corpus first."), this);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_tokenizerInfo = new QLabel(this);
    m_tokenizerInfo->setWordWrap(true);
    m_summary = new QTableWidget(0, 4, this);
    m_summary->setHorizontalHeaderLabels({tr("Block"), tr("Kind"), tr("Output"), tr("Parameters")});
    // Block names read whole on one line; the kind takes what is left.
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_summary->setWordWrap(false);
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_config = new QPlainTextEdit(this);
    m_config->setReadOnly(true);
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_devices = new QLabel(tr("Looking for devices…"), this);
    m_devices->setWordWrap(true);
    auto* deviceBox = new QGroupBox(tr("Device"), this);
    auto* deviceLayout = new QVBoxLayout(deviceBox);
    deviceLayout->addWidget(m_devices);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(projectLabel);
    layout->addWidget(modelBox);
    layout->addWidget(hubBox);
    layout->addWidget(m_title);
    layout->addWidget(m_tokenizerInfo);
    // The blocks and config.json side by side: under each other at 1280 x 800 the table showed
    // three of a small model's six blocks.
    auto* configColumn = new QVBoxLayout;
    configColumn->addWidget(new QLabel(tr("config.json:"), this));
    configColumn->addWidget(m_config, 1);
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_summary, 2);
    modelRow->addLayout(configColumn, 1);
    layout->addLayout(modelRow, 1);
    layout->addWidget(deviceBox);

    connect(browse, &QPushButton::clicked, this, &ProjectPanel::chooseModelFolder);
    connect(browseTokenizer, &QPushButton::clicked, this, &ProjectPanel::chooseTokenizer);
    connect(m_folder, &QLineEdit::editingFinished, this, [this] {
        if (!m_folder->isModified()) return;
        m_folder->setModified(false);
        const QString text = m_folder->text().trimmed();
        if (text.isEmpty()) return;
        // A repo id that is not on disk yet is downloaded first, with progress in the box below.
        const auto repo = hub::RepoRef::parse(text.toStdString());
        if (!QFileInfo::exists(text) && repo &&
            !hub::findCachedModel(*repo, hub::HubSettings::fromEnvironment()) && !hub::HubSettings::fromEnvironment().offline)
            downloadModel(text);
        else
            m_workbench->openModel(text);
    });
    connect(m_download, &QPushButton::clicked, this, [this] {
        if (!m_repo->text().trimmed().isEmpty()) downloadModel(m_repo->text().trimmed());
    });
    connect(m_repo, &QLineEdit::returnPressed, m_download, &QPushButton::click);
    HubWorker* hub = m_workbench->engine()->hub();
    connect(hub, &HubWorker::cacheListed, this, [this](const QStringList& models) { m_cached->setStringList(models); });
    connect(hub, &HubWorker::modelDownloaded, this, [this](const QString& repo) {
        m_download->setEnabled(true);
        m_folder->setText(repo);
        m_workbench->openModel(repo);
    });
    for (auto done : {&HubWorker::failed, &HubWorker::cancelled})
        connect(hub, done, this, [this](const QString& job) {
            if (job == QLatin1String("model")) m_download->setEnabled(true);
        });
    emit m_workbench->engine()->listCachedModels();
    connect(m_scratchMode, &QRadioButton::clicked, this, [this] { m_workbench->useNewModel(m_preset->currentText()); });
    connect(m_folderMode, &QRadioButton::clicked, this, [this] {
        if (!m_folder->text().trimmed().isEmpty()) m_workbench->openModel(m_folder->text().trimmed());
        else chooseModelFolder();
    });
    connect(m_preset, qOverload<int>(&QComboBox::activated), this, [this] { m_workbench->useNewModel(m_preset->currentText()); });
    connect(m_tokenizer, &QLineEdit::editingFinished, this, [this] {
        if (!m_tokenizer->isModified()) return;
        m_tokenizer->setModified(false);
        const std::string path = m_tokenizer->text().trimmed().toStdString();
        if (path != m_workbench->config().tokenizer)
            m_workbench->updateConfig([&](TrainingConfig& c) { c.tokenizer = path; });
    });
    connect(m_vocabSize, &QSpinBox::editingFinished, this, [this] {
        const int size = m_vocabSize->value();
        if (size != m_workbench->config().scratchVocabSize)
            m_workbench->updateConfig([size](TrainingConfig& c) { c.scratchVocabSize = size; });
    });
    connect(m_workbench, &Workbench::baseModelChanged, this, &ProjectPanel::showModel);
    connect(m_workbench, &Workbench::configChanged, this, &ProjectPanel::syncFromConfig);
    connect(m_workbench->engine()->inference(), &InferenceWorker::devicesReady, this, &ProjectPanel::showDevices);
    connect(m_workbench->engine()->inference(), &InferenceWorker::modelFailed, this, [this](const QString& slot, const QString& message) {
        // Only when no model is left open: a folder the user tried and that failed leaves the
        // model that was open, still described here.
        if (slot == QLatin1String("base") && m_workbench->baseModel().title.isEmpty())
            m_title->setText(tr("The model could not be loaded: %1").arg(message));
    });
    syncFromConfig();
    emit m_workbench->engine()->describeDevices();
}

void ProjectPanel::syncFromConfig()
{
    const TrainingConfig& c = m_workbench->config();
    const bool scratch = c.model.empty();
    m_folderMode->setChecked(!scratch);
    m_scratchMode->setChecked(scratch);
    if (!m_folder->isModified()) m_folder->setText(QString::fromStdString(c.model));
    const int preset = m_preset->findText(QString::fromStdString(c.fromScratch));
    if (preset >= 0) m_preset->setCurrentIndex(preset);
    if (!m_tokenizer->isModified()) m_tokenizer->setText(QString::fromStdString(c.tokenizer));
    m_vocabSize->setValue(c.scratchVocabSize);
    m_preset->setEnabled(scratch);
    m_tokenizer->setEnabled(scratch);
    m_vocabSize->setEnabled(scratch && c.tokenizer.empty());
}

void ProjectPanel::downloadModel(const QString& repoText)
{
    if (m_downloadBox->isBusy()) return;
    m_repo->setText(repoText);
    m_download->setEnabled(false);
    m_downloadBox->started(repoText);
    emit m_workbench->engine()->downloadModel(repoText);
}

void ProjectPanel::chooseModelFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a model folder"),
                                                             startFolder(QStringLiteral("model"), m_workbench->projectDir()));
    if (folder.isEmpty()) {
        syncFromConfig();
        return;
    }
    rememberFolder(QStringLiteral("model"), folder);
    m_workbench->openModel(folder);
}

void ProjectPanel::chooseTokenizer()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a tokenizer"), startFolder(QStringLiteral("tokenizer")),
                                                      tr("Tokenizers (tokenizer.json vocab.txt *.model);;All files (*)"));
    if (file.isEmpty()) return;
    rememberFolder(QStringLiteral("tokenizer"), file);
    m_workbench->updateConfig([&](TrainingConfig& c) { c.tokenizer = file.toStdString(); });
}

void ProjectPanel::showModel(const ModelInfo& info)
{
    m_title->setText(info.title);
    QStringList notes = info.warnings;
    const TrainingConfig& c = m_workbench->config();
    // A vocabulary built from the corpus holds at most what the corpus has: say so when it is
    // smaller than asked, rather than leave the number unexplained.
    if (info.folder.isEmpty() && c.tokenizer.empty() && info.vocabSize > 0 && info.vocabSize < c.scratchVocabSize)
        notes << tr("The corpus gave %1 vocabulary entries of the %2 asked: every character it holds and every word "
                    "seen at least twice are in. A larger corpus gives more.")
                     .arg(QLocale().toString(info.vocabSize), QLocale().toString(c.scratchVocabSize));
    m_tokenizerInfo->setText(tr("Tokenizer: %1").arg(info.tokenizerDescription) +
                             (notes.isEmpty() ? QString() : QStringLiteral("\n") + notes.join(QLatin1Char('\n'))));
    m_summary->setRowCount(static_cast<int>(info.summary.size()));
    for (int r = 0; r < info.summary.size(); ++r)
        for (int c = 0; c < 4 && c < info.summary[r].size(); ++c) {
            // Kinds are module class names, kept as they are; the one described in words
            // (the core's summary, also the CLI's `info`) reads in the window's language.
            const QString& text = info.summary[r][c];
            auto* item = new QTableWidgetItem(c == 1 && text == QLatin1String("Linear (tied to word embeddings)")
                                                  ? tr("Linear (tied to word embeddings)")
                                                  : text);
            item->setToolTip(item->text());  // whole, where a narrow column cuts it
            if (c == 3) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_summary->setItem(r, c, item);
        }
    m_config->setPlainText(info.configJson);
}

void ProjectPanel::showDevices(const DeviceInfo& info)
{
    QStringList lines;
    lines << tr("CPU: %n core(s) for training", nullptr, info.cpuCores);
    for (const GpuInfo& gpu : info.gpus)
        lines << tr("GPU %1: %2, %3 GiB").arg(gpu.index).arg(QString::fromStdString(gpu.name))
                     .arg(QLocale().toString(gpu.memoryBytes / 1073741824.0, 'f', 1));
    if (info.gpus.empty() && info.gpuProblem.empty()) lines << tr("No CUDA GPU: training runs on the CPU.");
    else if (info.gpus.empty()) lines << tr("No CUDA GPU: %1").arg(QString::fromStdString(info.gpuProblem));
    else if (!info.gpuProblem.empty()) lines << QString::fromStdString(info.gpuProblem);
    m_devices->setText(lines.join(QLatin1Char('\n')));
}

}  // namespace masklab::ui
