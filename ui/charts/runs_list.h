#pragma once
// The runs beside the charts: a colour swatch, the run's name and a check box that shows or
// hides its curves. The live run stays first. Runs are known by the id the charts gave them.
#include <QListWidget>

namespace masklab::ui {

class RunsList final : public QListWidget {
    Q_OBJECT
public:
    explicit RunsList(QWidget* parent = nullptr);

    void addRun(int id, const QString& name, const QColor& colour, bool live, bool shown);
    void setLive(int id, bool live);  // a live run that ended reads as an ordinary one
    void setShown(int id, bool shown);
    bool isShown(int id) const;
    void clearRuns();
    QListWidgetItem* itemOf(int id) const;
    // The width that shows every run's label whole: check box, swatch, text and frame.
    int fittingWidth() const;

signals:
    void shownChanged(int id, bool shown);  // the user ticked or unticked a run

private:
    static QString label(const QString& name, bool live);
};

}  // namespace masklab::ui
