#include "panels/training_panel.h"

#include "engine_text.h"

#include "panels/training_form.h"
#include "workbench.h"
#include "widgets/start_folder.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace masklab::ui {

QString formatDuration(double seconds)
{
    const auto s = static_cast<qint64>(seconds + 0.5);
    if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

TrainingPanel::TrainingPanel(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    m_form = new TrainingForm(workbench, this);
    auto* formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    // The scroll bar stays, so the form keeps its width when a problem line makes it taller than
    // the panel: the fields do not jump sideways under the user's typing.
    formScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    formScroll->setWidget(m_form);
    auto* settingsMenu = new QToolButton(this);
    settingsMenu->setText(tr("Settings"));
    settingsMenu->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(settingsMenu);
    menu->addAction(tr("Load settings…"), this, &TrainingPanel::loadSettings);
    menu->addAction(tr("Save settings as…"), this, &TrainingPanel::saveSettingsAs);
    menu->addAction(tr("The built-in demo"), m_workbench, &Workbench::loadDemo);
    menu->addAction(tr("The course's recipe (keep data and model)"), this, [this] {
        m_workbench->updateConfig([](TrainingConfig& c) {
            const TrainingConfig course;
            TrainingConfig next = course;
            next.model = c.model;
            next.fromScratch = c.fromScratch;
            next.tokenizer = c.tokenizer;
            next.scratchVocabSize = c.scratchVocabSize;
            next.corpus = c.corpus;
            next.split = c.split;
            next.textField = c.textField;
            c = next;
        });
    });
    settingsMenu->setMenu(menu);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(settingsMenu, 0, Qt::AlignLeft);
    leftLayout->addWidget(formScroll, 1);

    m_start = new QPushButton(tr("Start"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setCheckable(true);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("Stop after this step and keep a checkpoint; the run can be resumed"));
    m_resume = new QPushButton(tr("Resume…"), this);
    m_resume->setToolTip(tr("Continue a stopped run from its folder"));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_start, m_pause, m_stop, m_resume}) buttons->addWidget(b);
    buttons->addStretch(1);
    // Why Start is greyed: the settings that cannot work, all of them, as the form marks them.
    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("startBlocked"));
    m_blocked->setWordWrap(true);
    m_blocked->setStyleSheet(QStringLiteral("color: #d0342c;"));
    m_blocked->hide();
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("step %v of %m"));
    m_status = new QLabel(tr("Ready."), this);
    m_status->setWordWrap(true);
    m_perplexity = new QLabel(this);
    m_perplexity->setWordWrap(true);
    QFont big = m_perplexity->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_perplexity->setFont(big);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_blocked);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_perplexity);
    rightLayout->addWidget(m_log, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_form, &TrainingForm::problemsChanged, this, [this] { setRunning(m_running); });
    connect(m_start, &QPushButton::clicked, m_workbench, [this] { m_workbench->startTraining(); });
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_workbench->setTrainingPaused(paused);
        m_pause->setText(paused ? tr("Continue") : tr("Pause"));
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_stop->setEnabled(false);
        m_status->setText(tr("Stopping after this step; saving a checkpoint…"));
        m_workbench->stopTraining();
    });
    connect(m_resume, &QPushButton::clicked, this, &TrainingPanel::chooseRunToResume);

    TrainingWorker* worker = m_workbench->engine()->training();
    connect(m_workbench, &Workbench::runStarted, this, [this](const QString& runDir) {
        m_log->clear();
        m_firstPerplexity = 0;
        m_perplexity->clear();
        m_progress->setValue(0);
        appendLog(tr("Run folder: %1").arg(runDir));
        setRunning(true);
    });
    connect(worker, &TrainingWorker::stepped, this, &TrainingPanel::showStep);
    connect(worker, &TrainingWorker::evaluated, this, &TrainingPanel::showEval);
    connect(worker, &TrainingWorker::logLine, this, &TrainingPanel::appendLog);
    connect(worker, &TrainingWorker::pausedChanged, this, [this](bool paused) {
        if (paused) m_status->setText(tr("Paused. Continue, or Stop to keep a checkpoint."));
    });
    connect(worker, &TrainingWorker::finished, this, [this](const RunResult& r) {
        setRunning(false);
        m_status->setText(r.completed ? tr("Finished: %n step(s). Checkpoint: %1", nullptr, static_cast<int>(r.steps))
                                            .arg(QString::fromStdString(r.lastCheckpoint))
                                      : tr("Stopped at step %1. Checkpoint: %2. Resume continues from here.")
                                            .arg(r.steps)
                                            .arg(QString::fromStdString(r.lastCheckpoint)));
        appendLog(m_status->text());
    });
    connect(worker, &TrainingWorker::failed, this, [this](const QString& message) {
        setRunning(false);
        m_status->setText(tr("Failed: %1").arg(message));
        appendLog(m_status->text());
    });
    setRunning(false);
}

void TrainingPanel::setRunning(bool running)
{
    m_running = running;
    const QStringList problems = m_form->problems();
    m_start->setEnabled(!running && problems.isEmpty());
    m_start->setToolTip(problems.isEmpty() ? tr("Train with these settings into a new run folder of the project")
                                           : tr("Fix the settings marked in red first"));
    m_blocked->setText(problems.isEmpty() ? QString()
                                          : tr("Start waits for %n setting(s): %1", nullptr, int(problems.size()))
                                                .arg(problems.join(QStringLiteral("; "))));
    m_blocked->setVisible(!running && !problems.isEmpty());
    m_resume->setEnabled(!running);
    m_form->setEnabled(!running);
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    if (!running) {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(false);
        m_pause->setText(tr("Pause"));
    }
}

void TrainingPanel::showStep(const StepEvent& e)
{
    m_progress->setMaximum(static_cast<int>(e.totalSteps));
    m_progress->setValue(static_cast<int>(e.step));
    if (!e.lossRead) return;  // on a GPU the loss is read at logged steps only: the line waits for it
    const QLocale locale;
    m_status->setText(tr("Step %1 of %2 · epoch %3 · loss %4 · lr %5 · %6 tokens/s · ETA %7")
                          .arg(locale.toString(e.step))
                          .arg(locale.toString(e.totalSteps))
                          .arg(locale.toString(e.epoch, 'f', 2))
                          .arg(locale.toString(e.loss, 'f', 4))
                          .arg(QLocale().toString(e.learningRate, 'g', 3))
                          .arg(locale.toString(e.tokensPerSecond, 'f', 0))
                          .arg(formatDuration(e.etaSeconds)));
}

void TrainingPanel::showEval(const EvalEvent& e)
{
    if (m_firstPerplexity <= 0) m_firstPerplexity = e.perplexity;
    const QLocale locale;
    m_perplexity->setText(tr("Perplexity %1 at step %2 (started at %3)")
                              .arg(locale.toString(e.perplexity, 'f', 2))
                              .arg(locale.toString(e.step))
                              .arg(locale.toString(m_firstPerplexity, 'f', 2)));
}

void TrainingPanel::appendLog(const QString& line)
{
    m_log->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line);
}

void TrainingPanel::chooseRunToResume()
{
    const QStringList runs = m_workbench->runFolders();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Resume a run"),
                                                             runs.isEmpty() ? m_workbench->runsDir() : runs.last());
    if (!folder.isEmpty()) m_workbench->resumeTraining(folder);
}

void TrainingPanel::loadSettings()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load run settings"),
                                                      startFolder(QStringLiteral("settings"), m_workbench->projectDir()),
                                                      tr("Training settings (*.json)"));
    if (file.isEmpty()) return;
    rememberFolder(QStringLiteral("settings"), file);
    try {
        const TrainingConfig loaded = TrainingConfig::fromFile(file.toStdString());
        m_workbench->updateConfig([&](TrainingConfig& c) { c = loaded; });
    } catch (const std::exception& e) {
        emit m_workbench->problem(tr("The settings file could not be read"), engineText(e));
    }
}

void TrainingPanel::saveSettingsAs()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save run settings"),
                                                      startFolder(QStringLiteral("settings"), m_workbench->projectDir()),
                                                      tr("Training settings (*.json)"));
    if (file.isEmpty()) return;
    rememberFolder(QStringLiteral("settings"), file);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(QByteArray::fromStdString(m_workbench->config().toJson())) < 0)
        emit m_workbench->problem(tr("The settings could not be saved"), tr("%1: %2. Choose another folder.").arg(file, out.errorString()));
}

}  // namespace masklab::ui
