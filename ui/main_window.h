#pragma once
// The workbench window: every step of the pipeline as a dockable panel around one Workbench,
// the layout remembered between launches.
#include <QHash>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <functional>

class QDockWidget;
class QLabel;

namespace masklab::ui {

class ChartsPanel;
class ChunksPanel;
class CoursePanel;
class DatasetPanel;
class FillMaskPanel;
class MasksPanel;
class ProjectPanel;
class TrainingPanel;
class Workbench;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // projectDir empty: the project of the last session, or the demo project.
    explicit MainWindow(const QString& projectDir = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    static QString defaultProjectDir();

    Workbench* workbench() const { return m_workbench; }
    CoursePanel* course() const { return m_course; }
    ProjectPanel* project() const { return m_project; }
    DatasetPanel* dataset() const { return m_dataset; }
    ChunksPanel* chunks() const { return m_chunks; }
    MasksPanel* masks() const { return m_masks; }
    TrainingPanel* training() const { return m_training; }
    ChartsPanel* charts() const { return m_charts; }
    FillMaskPanel* fillMask() const { return m_fillMask; }
    QDockWidget* dock(const QString& name) const { return m_docks.value(name); }
    void showPanel(const QString& name);
    // The panel the user is looking at ("dataset", "training", ...): the one with the keyboard
    // focus, else the front tab on the right. F1 opens the Course at its step.
    QString panelInView() const;
    void showHelpForPanelInView();
    // Shrinks and moves the window so that all of it lies on the screen's available area.
    void fitOnScreen();

    QString lastProblem() const { return m_lastProblem; }
    // Asked when the window closes during a run; returns whether to stop the run and close.
    // Tests replace the question box with an answer.
    void setCloseQuestion(std::function<bool()> ask) { m_askToClose = std::move(ask); }
    // Message boxes for problems; tests turn them off and read lastProblem().
    void setProblemBoxes(bool shown) { m_problemBoxes = shown; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QDockWidget* addPanel(const QString& name, const QString& title, QWidget* panel, Qt::DockWidgetArea area);
    void buildMenus();
    void showProblem(const QString& what, const QString& message);
    void restoreLayout();
    void overlayRuns();

    Workbench* m_workbench;
    CoursePanel* m_course;
    ProjectPanel* m_project;
    DatasetPanel* m_dataset;
    ChunksPanel* m_chunks;
    MasksPanel* m_masks;
    TrainingPanel* m_training;
    ChartsPanel* m_charts;
    FillMaskPanel* m_fillMask;
    QHash<QString, QDockWidget*> m_docks;
    QByteArray m_defaultLayout;
    QLabel* m_statusDevice;
    QString m_lastProblem;
    QPointer<QMessageBox> m_problemBox;
    bool m_problemBoxes = true;
    bool m_userCanVisit = false;
    // The Course column's width as the user left it, and the window width it was seen at: a
    // change of the window's width gives the Course this width back (see resizeEvent).
    int m_courseWidth = 0;
    int m_courseSeenAtWidth = 0;
    std::function<bool()> m_askToClose;
};

}  // namespace masklab::ui
