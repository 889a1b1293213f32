#pragma once
// The guided course: the chapter's steps in order, each with what it does and why, a button
// that does it and shows the panel where it happens, and a tick once the user has done it (not
// when the window did it alone at launch). The ticks are kept in the project folder.
#include "worker/engine_types.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace masklab::ui {

class DownloadBox;
class Workbench;

class CoursePanel final : public QWidget {
    Q_OBJECT
public:
    enum Step { Data, Browse, Chunk, Mask, Split, Model, Train, Watch, FillMask, StepCount };

    explicit CoursePanel(Workbench* workbench, QWidget* parent = nullptr);
    QListWidget* steps() const { return m_steps; }
    QPushButton* doButton() const { return m_do; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* getImdbButton() const { return m_getImdb; }
    QPushButton* getModelButton() const { return m_getModel; }
    QLabel* networkLine() const { return m_network; }
    DownloadBox* imdbDownload() const { return m_imdbDownload; }
    bool isDone(Step step) const { return m_done[step]; }
    // Selects the step that happens in a panel ("dataset", "training", ...): F1's help.
    void showHelpFor(const QString& panel);

public slots:
    // The user brought a panel into view (its tab, the View menu, a Show me).
    void panelVisited(const QString& panel);
    // The user asked the Fill-mask panel (Fill, or Enter in its text).
    void fillMaskAsked();

signals:
    // The panel to bring forward: "dataset", "chunks", "masks", "project", "training", "charts", "fillmask".
    void showPanel(const QString& name);
    void openImdbRequested();
    // "Get distilbert-base-uncased": the Project panel downloads it and opens it.
    void getModelRequested(const QString& repoId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Gives each step title the height its wrapped lines need and the list the sum of them.
    void fitStepList();
    void showStep(int step);
    void doStep();
    void markDone(Step step);
    void showTick(Step step);
    QString progressFile() const;
    QString title(Step step) const;
    QString text(Step step) const;
    QString action(Step step) const;
    QString panelOf(Step step) const;

    Workbench* m_workbench;
    QListWidget* m_steps;
    QTextBrowser* m_text;
    QPushButton* m_do;
    QPushButton* m_imdb;
    QPushButton* m_getImdb;
    QPushButton* m_getModel;
    QLabel* m_network;
    DownloadBox* m_imdbDownload;
    bool m_online = false;
    QPushButton* m_next;
    bool m_done[StepCount] = {};
    bool m_evaluated = false;       // a run of this project has been evaluated: there is a chart to watch
    double m_trainSize = 0, m_testSize = 0;
};

}  // namespace masklab::ui
