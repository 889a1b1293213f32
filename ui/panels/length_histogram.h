#pragma once
// Document lengths in tokens as a histogram, with the model's position limit marked: reviews
// past it are what truncation would cut and what group_texts keeps.
#include "worker/engine_types.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace masklab::ui {

class LengthHistogram final : public QWidget {
    Q_OBJECT
public:
    explicit LengthHistogram(QWidget* parent = nullptr);
    void setCorpus(const CorpusPtr& corpus, int positionLimit);
    QCustomPlot* plot() const { return m_plot; }
    QString summary() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QCustomPlot* m_plot;
    QLabel* m_summary;
};

}  // namespace masklab::ui
