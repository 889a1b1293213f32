#include "main_window.h"

#include "appearance.h"
#include "charts/charts_panel.h"
#include "panels/chunks_panel.h"
#include "panels/course_panel.h"
#include "panels/dataset_panel.h"
#include "panels/fill_mask_panel.h"
#include "panels/masks_panel.h"
#include "panels/project_panel.h"
#include "panels/training_panel.h"
#include "workbench.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QScreen>
#include <QStatusBar>
#include <QResizeEvent>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace masklab::ui {

QString MainWindow::defaultProjectDir()
{
    const QString saved = QSettings().value(QStringLiteral("project/folder")).toString();
    if (!saved.isEmpty()) return saved;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("demo-project"));
}

MainWindow::MainWindow(const QString& projectDir, QWidget* parent)
    : QMainWindow(parent), m_workbench(new Workbench(projectDir.isEmpty() ? defaultProjectDir() : projectDir, this))
{
    setWindowTitle(tr("MaskLab — masked language model workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/masklab.svg")));
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    // Every panel is a dock; the central area is left empty so the docks share the window.
    auto* centre = new QWidget(this);
    centre->setMaximumSize(0, 0);
    setCentralWidget(centre);

    m_course = new CoursePanel(m_workbench, this);
    m_project = new ProjectPanel(m_workbench, this);
    m_dataset = new DatasetPanel(m_workbench, this);
    m_chunks = new ChunksPanel(m_workbench, this);
    m_masks = new MasksPanel(m_workbench, this);
    m_training = new TrainingPanel(m_workbench, this);
    m_charts = new ChartsPanel(this);
    m_fillMask = new FillMaskPanel(m_workbench, this);

    QDockWidget* course = addPanel(QStringLiteral("course"), tr("Course"), m_course, Qt::LeftDockWidgetArea);
    QDockWidget* project = addPanel(QStringLiteral("project"), tr("Project"), m_project, Qt::LeftDockWidgetArea);
    QDockWidget* dataset = addPanel(QStringLiteral("dataset"), tr("Dataset"), m_dataset, Qt::RightDockWidgetArea);
    QDockWidget* chunks = addPanel(QStringLiteral("chunks"), tr("Chunks"), m_chunks, Qt::RightDockWidgetArea);
    QDockWidget* masks = addPanel(QStringLiteral("masks"), tr("Masks"), m_masks, Qt::RightDockWidgetArea);
    QDockWidget* training = addPanel(QStringLiteral("training"), tr("Training"), m_training, Qt::RightDockWidgetArea);
    QDockWidget* fillMask = addPanel(QStringLiteral("fillmask"), tr("Fill-mask"), m_fillMask, Qt::RightDockWidgetArea);
    QDockWidget* charts = addPanel(QStringLiteral("charts"), tr("Charts"), m_charts, Qt::RightDockWidgetArea);
    // The Course stays in view on the left while its steps open the panels on the right, the
    // Project panel among them.
    tabifyDockWidget(dataset, project);
    tabifyDockWidget(dataset, chunks);
    tabifyDockWidget(dataset, masks);
    tabifyDockWidget(dataset, training);
    tabifyDockWidget(dataset, fillMask);
    // Charts are a tab too: four charts need the height. Drag the tab out to watch them beside
    // the Training panel.
    tabifyDockWidget(dataset, charts);
    dataset->raise();
    resizeDocks({course, dataset}, {330, 950}, Qt::Horizontal);
    m_defaultLayout = saveState();

    m_statusDevice = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusDevice);
    buildMenus();

    connect(m_course, &CoursePanel::showPanel, this, &MainWindow::showPanel);
    connect(m_fillMask, &FillMaskPanel::userAsked, m_course, &CoursePanel::fillMaskAsked);
    // A panel the user brings into view ticks its Course step; the docks shown as the window
    // first comes up do not (m_userCanVisit is set once it is up).
    for (auto it = m_docks.constBegin(); it != m_docks.constEnd(); ++it)
        connect(it.value(), &QDockWidget::visibilityChanged, this, [this, name = it.key()](bool visible) {
            if (visible && m_userCanVisit) m_course->panelVisited(name);
        });
    connect(m_course, &CoursePanel::openImdbRequested, m_dataset, &DatasetPanel::chooseFile);
    connect(m_course, &CoursePanel::getModelRequested, m_project, &ProjectPanel::downloadModel);
    connect(m_workbench, &Workbench::problem, this, &MainWindow::showProblem);
    connect(m_workbench, &Workbench::loadingProgress, this, [this](const QString& task) { statusBar()->showMessage(task); });
    connect(m_workbench, &Workbench::loadingFinished, this, [this] { statusBar()->clearMessage(); });
    connect(m_charts, &ChartsPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_workbench->engine()->inference(), &InferenceWorker::devicesReady, this, [this](const DeviceInfo& info) {
        m_statusDevice->setText(info.gpus.empty() ? tr("CPU · %n core(s)", nullptr, info.cpuCores)
                                                  : tr("GPU · %1").arg(QString::fromStdString(info.gpus.front().name)));
    });

    TrainingWorker* worker = m_workbench->engine()->training();
    connect(m_workbench, &Workbench::runStarted, this, [this](const QString& runDir) {
        m_charts->beginLiveRun(QFileInfo(runDir).fileName());
        showPanel(QStringLiteral("training"));
    });
    connect(worker, &TrainingWorker::stepped, this, [this](const StepEvent& e) {
        if (e.lossRead)  // on a GPU the loss is read at logged steps only
            m_charts->addStep({e.step, e.epoch, e.loss, e.learningRate, e.tokensPerSecond});
    });
    connect(worker, &TrainingWorker::evaluated, this, [this](const EvalEvent& e) {
        m_charts->addEval({e.step, e.epoch, e.loss, e.perplexity});
    });
    connect(worker, &TrainingWorker::finished, m_charts, &ChartsPanel::endLiveRun);
    connect(worker, &TrainingWorker::failed, m_charts, &ChartsPanel::endLiveRun);

    restoreLayout();
    overlayRuns();
    // Open the project's corpus (the built-in demo on first launch) once the window is up.
    QTimer::singleShot(0, m_workbench, &Workbench::reloadCorpus);
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addPanel(const QString& name, const QString& title, QWidget* panel, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    m_docks.insert(name, dock);
    return dock;
}

void MainWindow::showPanel(const QString& name)
{
    if (QDockWidget* dock = m_docks.value(name)) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open aclImdb &folder…"), m_dataset, &DatasetPanel::chooseFolder);
    file->addAction(tr("&Open corpus file…"), QKeySequence::Open, m_dataset, &DatasetPanel::chooseFile);
    file->addAction(tr("Open &model folder…"), m_project, &ProjectPanel::chooseModelFolder);
    file->addAction(tr("Load the built-in &demo"), m_workbench, &Workbench::loadDemo);
    file->addSeparator();
    file->addAction(tr("Show the project folder"), this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_workbench->projectDir()));
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (const char* name : {"course", "project", "dataset", "chunks", "masks", "training", "charts", "fillmask"})
        view->addAction(m_docks.value(name)->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Reset the layout"), this, [this] { restoreState(m_defaultLayout); });

    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    const QString current = languageSetting();
    for (const auto& [code, name] : {std::pair{QString(), tr("System")}, std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("ru"), QStringLiteral("Русский")}}) {
        QAction* action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            setLanguageSetting(code);
            const auto answer = QMessageBox::question(this, tr("Language"),
                                                      tr("The language changes when MaskLab starts again. Restart now?"));
            if (answer != QMessageBox::Yes) return;
            if (close()) QProcess::startDetached(QApplication::applicationFilePath(), {});
        });
    }
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(theme);
    for (const auto& [code, name] : {std::pair{QStringLiteral("system"), tr("System")}, std::pair{QStringLiteral("light"), tr("Light")},
                                     std::pair{QStringLiteral("dark"), tr("Dark")}}) {
        QAction* action = theme->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == themeSetting());
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [code = code] {
            setThemeSetting(code);
            applyTheme(code);
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* panelHelp = help->addAction(tr("&Help for this panel"), this, &MainWindow::showHelpForPanelInView);
    panelHelp->setShortcut(QKeySequence::HelpContents);
    panelHelp->setShortcutContext(Qt::ApplicationShortcut);
    help->addAction(tr("The &course, step by step"), this, [this] { showPanel(QStringLiteral("course")); });
    help->addAction(tr("&About MaskLab"), this, [this] {
        QMessageBox::about(this, tr("About MaskLab"),
                           tr("<b>MaskLab %1</b><p>A workbench for adapting masked language models to a domain, "
                              "after the Hugging Face course chapter “Fine-tuning a masked language model”.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

QString MainWindow::panelInView() const
{
    // The panel that holds the keyboard focus, else the one on top of the right-hand tabs.
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w); dock && m_docks.key(dock) != QLatin1String("course"))
            return m_docks.key(dock);
    for (const char* name : {"dataset", "chunks", "masks", "training", "charts", "fillmask", "project"}) {
        QDockWidget* dock = m_docks.value(QLatin1String(name));
        if (dock && dock->isVisible() && !dock->visibleRegion().isEmpty()) return QLatin1String(name);
    }
    return {};
}

void MainWindow::showHelpForPanelInView()
{
    m_course->showHelpFor(panelInView());
    showPanel(QStringLiteral("course"));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // Once shown (showing grows the window to the docks' preferred heights), the window is
    // brought inside the screen it is on: a geometry saved on a larger screen, or grown by the
    // docks, must never put the tabs and the status bar off-screen. First launch: 1280 x 800 or
    // the screen, whichever is smaller.
    const bool firstLaunch = !settings.contains(QStringLiteral("window/geometry"));
    QTimer::singleShot(0, this, [this, firstLaunch] {
        if (firstLaunch) resize(QSize(1280, 800));
        fitOnScreen();
        // The Course a narrow column, the panels the rest: set once the window has its size
        // (before, the docks split whatever width the window had while it was being built).
        constexpr int firstCourseWidth = 340;
        QDockWidget* course = m_docks.value(QStringLiteral("course"));
        if (firstLaunch)
            resizeDocks({course, m_docks.value(QStringLiteral("dataset"))},
                        {firstCourseWidth, std::max(600, width() - firstCourseWidth)}, Qt::Horizontal);
        m_courseWidth = firstLaunch ? firstCourseWidth : course->width();
        m_courseSeenAtWidth = width();
        course->installEventFilter(this);
        m_userCanVisit = true;
    });
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    // A window made wider (maximised at 1920 x 1080, say) gives the width to the panels. Left
    // alone, the dock layout shares it out, and the Course column grows to half the screen.
    // The layout has already done so when this event comes, so the Course's width is the one
    // recorded before (eventFilter), given back once the layout is done.
    QMainWindow::resizeEvent(event);
    QDockWidget* course = m_docks.value(QStringLiteral("course"));
    if (!course || course->isFloating() || m_courseWidth <= 0 || event->oldSize().width() == event->size().width()) return;
    const int keep = m_courseWidth;
    QTimer::singleShot(0, this, [this, course, keep] {
        m_courseSeenAtWidth = width();
        // Both sides, as at first launch: the panels' side takes what the Course gives up.
        resizeDocks({course, m_docks.value(QStringLiteral("dataset"))}, {keep, std::max(600, width() - keep)}, Qt::Horizontal);
    });
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The Course resized while the window kept its width: the user dragged the splitter (or
    // the layout was set), and that is the width to keep.
    if (event->type() == QEvent::Resize && watched == m_docks.value(QStringLiteral("course")) && width() == m_courseSeenAtWidth)
        m_courseWidth = static_cast<QWidget*>(watched)->width();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitOnScreen()
{
    const QScreen* s = screen();
    if (!s || isMaximized() || isFullScreen()) return;
    const QRect available = s->availableGeometry();
    const QSize frameExtra = frameGeometry().size() - geometry().size();
    const QSize fitted = size().boundedTo(available.size() - frameExtra).expandedTo(minimumSizeHint().boundedTo(available.size()));
    if (fitted != size()) resize(fitted);
    QRect frame = frameGeometry();
    QPoint topLeft = frame.topLeft();
    topLeft.setX(std::clamp(topLeft.x(), available.left(), std::max(available.left(), available.right() + 1 - frame.width())));
    topLeft.setY(std::clamp(topLeft.y(), available.top(), std::max(available.top(), available.bottom() + 1 - frame.height())));
    if (topLeft != frame.topLeft()) move(topLeft);
}

void MainWindow::overlayRuns()
{
    // Earlier runs of the project, drawn under the next live run for comparison.
    for (const QString& run : m_workbench->runFolders()) {
        QString error;
        m_charts->addRun(run, &error);
    }
}

void MainWindow::showProblem(const QString& what, const QString& message)
{
    m_lastProblem = what + QStringLiteral(": ") + message;
    statusBar()->showMessage(m_lastProblem, 15000);
    if (!m_problemBoxes) return;
    // The same problem again (a slider moved while the masking settings cannot work) must not
    // stack a box per change.
    if (m_problemBox && m_problemBox->text() == what && m_problemBox->informativeText() == message) return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("MaskLab"), what, QMessageBox::Ok, this);
    m_problemBox = box;
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // not exec(): the window keeps running (a training, a load) behind it
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_workbench->cancelLoading();  // a corpus being read stops at its next progress report
    if (m_workbench->isTraining()) {
        const bool stop = m_askToClose ? m_askToClose() : QMessageBox::question(
            this, tr("A training is running"),
            tr("Stop the training and close? The run stops after the current step and keeps a checkpoint you "
               "can resume.")) == QMessageBox::Yes;
        if (!stop) {
            event->ignore();
            return;
        }
        statusBar()->showMessage(tr("Stopping the training and saving a checkpoint…"));
        m_workbench->stopTraining();
        m_workbench->engine()->waitForTraining(10 * 60 * 1000);
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("project/folder"), m_workbench->projectDir());
    event->accept();
}

}  // namespace masklab::ui
