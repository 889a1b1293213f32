#pragma once
// The top-k answers of fill-mask as horizontal bars, best on top, with their probabilities.
#include "worker/engine_types.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace masklab::ui {

class FillMaskChart final : public QWidget {
    Q_OBJECT
public:
    explicit FillMaskChart(QWidget* parent = nullptr);
    void setCandidates(const QVector<FillCandidate>& candidates, const QString& caption);
    void setMessage(const QString& message);  // instead of bars: why there are none
    QCustomPlot* plot() const { return m_plot; }
    QStringList tokens() const { return m_tokens; }
    QString caption() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QCustomPlot* m_plot;
    QLabel* m_caption;
    QStringList m_tokens;
};

}  // namespace masklab::ui
