#pragma once
// The metrics of one training run as plain data: what metrics.jsonl holds, the TensorBoard-style
// smoothing of its loss, and its CSV form. No widgets here, so the chart panel, exports and tests
// share one reading of the file.
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace masklab::ui {

// One "step" record; a value the trainer did not write is NaN (drawn as a gap, exported empty).
struct StepPoint
{
    qint64 step = 0;
    double epoch = 0;
    double loss = 0;
    double learningRate = 0;
    double tokensPerSecond = 0;
};

// One "eval" record: perplexity on the frozen evaluation masks.
struct EvalPoint
{
    qint64 step = 0;
    double epoch = 0;
    double loss = 0;
    double perplexity = 0;
};

// Debiased exponential moving average, fed one value at a time, so a live chart extends its
// smoothed curve per new point instead of recomputing it from the first step.
class LossSmoother
{
public:
    explicit LossSmoother(double weight = 0.0);
    // The smoothed value at this point; a non-finite value passes through (TensorBoard does the
    // same) and does not disturb the average.
    double add(double value);
    double weight() const { return m_weight; }

private:
    double m_weight;
    double m_last = 0;
    double m_weightPower = 1;  // weight^count: the debiasing term without a pow() per point
};

struct RunMetrics
{
    QString name;  // shown in the legend (folder name)
    QVector<StepPoint> steps;
    QVector<EvalPoint> evals;

    // Exponential moving average of the loss as TensorBoard smooths it (debiased), weight in [0,1).
    QVector<double> smoothedLoss(double weight) const;
    // One header line and one row per step/eval, columns:
    // type,step,epoch,loss,perplexity,learning_rate,tokens_per_second (empty cells where n/a).
    QString toCsv() const;
    // The same without the header, in step order (an eval after the step row of the same step),
    // so a multi-run export can prefix each row with the run name.
    QStringList csvRows() const;
    static QString csvHeader();
    // Quotes a field that holds a comma, quote or line break (RFC 4180).
    static QString csvField(const QString& text);
    // Reads <runDir>/metrics.jsonl. On failure returns false and sets *error to a sentence naming
    // the file (and line) and the fix.
    static bool load(const QString& runDir, RunMetrics* out, QString* error);

    Q_DECLARE_TR_FUNCTIONS(masklab::ui::RunMetrics)
};

}  // namespace masklab::ui
