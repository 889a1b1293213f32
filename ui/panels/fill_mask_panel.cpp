#include "panels/fill_mask_panel.h"

#include "widgets/fill_mask_chart.h"
#include "workbench.h"

#include <utility>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masklab::ui {
namespace {

const QString kLive = QStringLiteral("live");
const QString kBase = QStringLiteral("base");
const QString kCompare = QStringLiteral("compare");

QString topAnswers(const QVector<FillCandidate>& candidates, int count)
{
    QStringList parts;
    for (int i = 0; i < std::min<int>(count, candidates.size()); ++i)
        // A no-break space: a narrow cell wraps between answers, never between a word and its score.
        parts << QStringLiteral("%1\u00A0%2").arg(candidates[i].token, QLocale().toString(candidates[i].score, 'f', 2));
    return parts.join(QStringLiteral(" · "));
}

}  // namespace

FillMaskPanel::FillMaskPanel(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    m_text = new QLineEdit(QStringLiteral("This is a great [MASK]."), this);
    m_text->setPlaceholderText(tr("A sentence with [MASK] where a word is missing"));
    m_insertMask = new QPushButton(QStringLiteral("[MASK]"), this);
    m_insertMask->setToolTip(tr("Insert [MASK] at the cursor"));
    m_topK = new QSpinBox(this);
    m_topK->setRange(1, 20);
    m_topK->setValue(5);
    m_topK->setPrefix(tr("top "));
    m_ask = new QPushButton(tr("Fill"), this);
    m_ask->setDefault(true);
    auto* input = new QHBoxLayout;
    input->addWidget(m_text, 1);
    input->addWidget(m_insertMask);
    input->addWidget(m_topK);
    input->addWidget(m_ask);

    m_baseTitle = new QLabel(tr("Base model"), this);
    m_baseTitle->setWordWrap(true);
    m_baseChart = new FillMaskChart(this);
    m_compareChoice = new QComboBox(this);
    m_compareChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compareChart = new FillMaskChart(this);
    auto* charts = new QGridLayout;
    charts->addWidget(m_baseTitle, 0, 0);
    charts->addWidget(m_compareChoice, 0, 1);
    charts->addWidget(m_baseChart, 1, 0);
    charts->addWidget(m_compareChart, 1, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);
    auto* chartsBox = new QWidget(this);
    chartsBox->setLayout(charts);

    m_probes = new QListWidget(this);
    m_addProbe = new QPushButton(tr("Add the text as a probe"), this);
    auto* removeProbe = new QPushButton(tr("Remove"), this);
    auto* probeButtons = new QHBoxLayout;
    probeButtons->addWidget(m_addProbe);
    probeButtons->addWidget(removeProbe);
    probeButtons->addStretch(1);
    m_history = new QTableWidget(0, 0, this);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Rows as tall as their wrapped answers, so a narrow column shows all three.
    m_history->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* probesBox = new QGroupBox(tr("Probes: re-scored at every evaluation of a run (top 3)"), this);
    auto* probesLayout = new QGridLayout(probesBox);
    probesLayout->addWidget(m_probes, 0, 0);
    probesLayout->addLayout(probeButtons, 1, 0);
    probesLayout->addWidget(m_history, 0, 1, 2, 1);
    probesLayout->setColumnStretch(0, 1);
    probesLayout->setColumnStretch(1, 3);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(chartsBox);
    split->addWidget(probesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(input);
    layout->addWidget(split, 1);

    for (const QString& probe : m_workbench->probes()) m_probes->addItem(probe);
    m_baseChart->setMessage(tr("Waiting for the base model…"));
    m_compareChart->setMessage(tr("Train a run, or choose a checkpoint above."));

    connect(m_insertMask, &QPushButton::clicked, this, [this] {
        m_text->insert(QStringLiteral("[MASK]"));
        m_text->setFocus();
    });
    connect(m_ask, &QPushButton::clicked, this, &FillMaskPanel::ask);
    connect(m_text, &QLineEdit::returnPressed, this, &FillMaskPanel::ask);
    // The user's question, answered by a model, ticks the Course (showReply): not a question
    // refused (no [MASK], no model), nor one the panel asked on its own after a run.
    connect(m_ask, &QPushButton::clicked, this, [this] { m_userAsked = true; });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { m_userAsked = true; });
    connect(m_topK, &QSpinBox::valueChanged, this, &FillMaskPanel::ask);
    // A probe is re-scored at every evaluation: only a text with [MASK] has anything to score.
    auto probeNeedsMask = [this] { m_addProbe->setEnabled(m_text->text().contains(QStringLiteral("[MASK]"))); };
    m_addProbe->setToolTip(tr("Re-score this text at every evaluation of a run; it needs [MASK] where the model should guess"));
    connect(m_text, &QLineEdit::textChanged, this, probeNeedsMask);
    probeNeedsMask();
    connect(m_addProbe, &QPushButton::clicked, this, [this] {
        const QString text = m_text->text().trimmed();
        if (text.isEmpty() || !m_probes->findItems(text, Qt::MatchExactly).isEmpty()) return;
        m_probes->addItem(text);
        storeProbes();
    });
    connect(removeProbe, &QPushButton::clicked, this, [this] {
        delete m_probes->currentItem();
        storeProbes();
    });
    connect(m_compareChoice, qOverload<int>(&QComboBox::activated), this, &FillMaskPanel::compareChosen);

    InferenceWorker* inference = m_workbench->engine()->inference();
    connect(inference, &InferenceWorker::fillMaskReady, this, &FillMaskPanel::showReply);
    connect(inference, &InferenceWorker::modelReady, this, [this](const ModelInfo& info) {
        if (info.slot != kCompare) return;
        m_compareLoaded = info.folder;
        // The choice moved on while this one loaded: load what is chosen now.
        if (m_compareChoice->currentData().toString() != info.folder) compareChosen();
        else ask();
    });
    connect(inference, &InferenceWorker::modelFailed, this, [this](const QString& slot, const QString& message) {
        if (slot == kCompare) m_compareChart->setMessage(tr("This checkpoint could not be loaded: %1").arg(message));
        if (slot == kBase) m_baseChart->setMessage(tr("No base model: %1").arg(message));
    });
    connect(m_workbench, &Workbench::baseModelChanged, this, [this](const ModelInfo& info) {
        m_baseTitle->setText(tr("<b>Base</b>: %1").arg(info.title.toHtmlEscaped()));
        ask();
    });
    connect(m_workbench->engine()->training(), &TrainingWorker::probesScored, this, &FillMaskPanel::showProbes);
    connect(m_workbench, &Workbench::runStarted, this, [this] {
        m_history->setRowCount(0);
        m_compareChoice->setCurrentIndex(0);
        m_compareChart->setMessage(tr("The run's first evaluation will answer here."));
    });
    connect(m_workbench, &Workbench::runsChanged, this, &FillMaskPanel::refreshCheckpoints);
    refreshCheckpoints();
}

void FillMaskPanel::storeProbes()
{
    QStringList probes;
    for (int i = 0; i < m_probes->count(); ++i) probes << m_probes->item(i)->text();
    m_workbench->setProbes(probes);
}

void FillMaskPanel::refreshCheckpoints()
{
    const QString current = m_compareChoice->currentData().toString();
    m_compareChoice->clear();
    m_compareChoice->addItem(tr("Live run (answers at each evaluation)"), kLive);
    for (const QString& run : m_workbench->runFolders()) {
        const QDir dir(run);
        for (const QString& name : dir.entryList({QStringLiteral("checkpoint-*")}, QDir::Dirs, QDir::Name))
            if (QFileInfo::exists(dir.filePath(name + QStringLiteral("/config.json"))))
                m_compareChoice->addItem(QStringLiteral("%1 / %2").arg(dir.dirName(), name), dir.filePath(name));
    }
    int index = m_compareChoice->findData(current);
    // After a run ends, compare with its newest checkpoint.
    if (index < 0 || current == kLive) {
        for (int i = m_compareChoice->count() - 1; i > 0; --i)
            if (m_compareChoice->itemData(i).toString().startsWith(m_workbench->currentRun())) {
                index = m_workbench->currentRun().isEmpty() ? -1 : i;
                break;
            }
    }
    if (index >= 0 && !m_workbench->isTraining()) {
        m_compareChoice->setCurrentIndex(index);
        compareChosen();
    }
}

void FillMaskPanel::compareChosen()
{
    const QString choice = m_compareChoice->currentData().toString();
    if (choice == kLive || choice.isEmpty()) {
        if (!m_lastProbes.texts.contains(m_text->text()))
            m_compareChart->setMessage(tr("Add this text as a probe before a run starts to follow it live."));
        else
            showProbes(m_lastProbes);
        return;
    }
    if (choice == m_compareLoaded) {
        ask();
        return;
    }
    m_compareChart->setMessage(tr("Loading %1…").arg(choice));
    emit m_workbench->engine()->loadModel(kCompare, choice);
}

void FillMaskPanel::ask()
{
    FillMaskRequest request;
    request.text = m_text->text();
    request.topK = m_topK->value();
    if (!m_workbench->baseModel().title.isEmpty()) {
        request.slot = kBase;
        emit m_workbench->engine()->fillMask(request);
    }
    const QString choice = m_compareChoice->currentData().toString();
    if (choice != kLive && !choice.isEmpty() && choice == m_compareLoaded) {
        request.slot = kCompare;
        emit m_workbench->engine()->fillMask(request);
    } else if (choice == kLive) {
        compareChosen();
    }
}

void FillMaskPanel::showReply(const FillMaskReply& reply)
{
    if (reply.text != m_text->text()) return;  // an answer to an older text
    FillMaskChart* chart = reply.slot == kBase ? m_baseChart : reply.slot == kCompare ? m_compareChart : nullptr;
    if (!chart) return;
    if (reply.slot == kCompare && reply.folder != m_compareChoice->currentData().toString()) return;  // another checkpoint
    if (!reply.error.isEmpty()) {
        chart->setMessage(reply.error);
        m_userAsked = false;
        return;
    }
    if (std::exchange(m_userAsked, false)) emit userAsked();
    const QString who = reply.slot == kBase ? tr("base model") : QFileInfo(m_compareLoaded).fileName();
    QString caption = tr("%1: %2 ms").arg(who, QLocale().toString(reply.milliseconds, 'f', 1));
    if (reply.perMask.size() > 1) caption += tr(" · the first of %1 masks").arg(reply.perMask.size());
    if (!reply.candidates.isEmpty()) caption += QStringLiteral(" · «%1»").arg(reply.candidates.front().sequence);
    chart->setCandidates(reply.candidates, caption);
}

void FillMaskPanel::showProbes(const ProbeScores& scores)
{
    if (&scores != &m_lastProbes) {
        m_lastProbes = scores;
        if (m_history->columnCount() != scores.texts.size()) {
            m_history->setColumnCount(static_cast<int>(scores.texts.size()));
            m_history->setHorizontalHeaderLabels(scores.texts);
        }
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        m_history->setVerticalHeaderItem(row, new QTableWidgetItem(tr("step %1").arg(scores.step)));
        for (int c = 0; c < scores.texts.size(); ++c)
            m_history->setItem(row, c, new QTableWidgetItem(topAnswers(scores.candidates[c], 3)));
        m_history->scrollToBottom();
    }
    if (m_compareChoice->currentData().toString() != kLive) return;
    const int index = static_cast<int>(scores.texts.indexOf(m_text->text()));
    if (index < 0) return;
    m_compareChart->setCandidates(scores.candidates[index], tr("live run, step %1 (epoch %2)")
                                                                .arg(scores.step)
                                                                .arg(QLocale().toString(scores.epoch, 'f', 2)));
}

}  // namespace masklab::ui
