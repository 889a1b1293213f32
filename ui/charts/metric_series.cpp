#include "metric_series.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace masklab::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Shortest text that reads back to the same double; NaN (a value the trainer did not write)
// becomes an empty cell.
QString csvNumber(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', QLocale::FloatingPointShortest)
                                : QString();
}

QString stepRow(const StepPoint& p)
{
    return QStringLiteral("step,%1,%2,%3,,%4,%5")
        .arg(p.step)
        .arg(csvNumber(p.epoch), csvNumber(p.loss), csvNumber(p.learningRate),
             csvNumber(p.tokensPerSecond));
}

QString evalRow(const EvalPoint& p)
{
    return QStringLiteral("eval,%1,%2,%3,%4,,")
        .arg(p.step)
        .arg(csvNumber(p.epoch), csvNumber(p.loss), csvNumber(p.perplexity));
}

}  // namespace

LossSmoother::LossSmoother(double weight) : m_weight(std::clamp(weight, 0.0, 0.999))
{
}

double LossSmoother::add(double value)
{
    if (!std::isfinite(value))
        return value;
    m_last = m_last * m_weight + (1.0 - m_weight) * value;
    m_weightPower *= m_weight;
    // The average starts at 0; dividing by 1 - weight^n removes that pull towards 0 early on.
    return m_last / (1.0 - m_weightPower);
}

QVector<double> RunMetrics::smoothedLoss(double weight) const
{
    LossSmoother smoother(weight);
    QVector<double> out;
    out.reserve(steps.size());
    for (const StepPoint& p : steps)
        out.append(smoother.add(p.loss));
    return out;
}

QString RunMetrics::csvHeader()
{
    return QStringLiteral("type,step,epoch,loss,perplexity,learning_rate,tokens_per_second");
}

QString RunMetrics::csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QStringList RunMetrics::csvRows() const
{
    QStringList rows;
    rows.reserve(steps.size() + evals.size());
    int s = 0;
    int e = 0;
    while (s < steps.size() || e < evals.size()) {
        if (e == evals.size() || (s < steps.size() && steps[s].step <= evals[e].step))
            rows.append(stepRow(steps[s++]));
        else
            rows.append(evalRow(evals[e++]));
    }
    return rows;
}

QString RunMetrics::toCsv() const
{
    QString csv = csvHeader() + QLatin1Char('\n');
    for (const QString& row : csvRows())
        csv += row + QLatin1Char('\n');
    return csv;
}

bool RunMetrics::load(const QString& runDir, RunMetrics* out, QString* error)
{
    const QString path = QDir(runDir).filePath(QStringLiteral("metrics.jsonl"));
    const QString shown = QDir::toNativeSeparators(path);
    auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1 (%2). Choose a run folder that holds a metrics.jsonl "
                       "written by training.")
                        .arg(shown, file.errorString()));

    RunMetrics run;
    run.name = QDir(QDir::cleanPath(runDir)).dirName();
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(tr("%1, line %2, is not valid JSON (%3). Repair or delete that line.")
                            .arg(shown).arg(lineNumber).arg(parseError.errorString()));
        if (!doc.isObject())
            return fail(tr("%1, line %2, is not a JSON object. Each line must be one object "
                           "such as {\"type\":\"step\",\"step\":10,...}; repair or delete it.")
                            .arg(shown).arg(lineNumber));
        const QJsonObject record = doc.object();
        const QString type = record.value(QStringLiteral("type")).toString();
        if (type != QLatin1String("step") && type != QLatin1String("eval"))
            continue;  // other record kinds belong to other readers

        // A number the trainer could not compute is written as null (nlohmann's NaN); only a
        // value of the wrong kind makes the line bad.
        QString badKey;
        auto number = [&record, &badKey](const char* key) {
            const QJsonValue v = record.value(QLatin1String(key));
            if (v.isDouble())
                return v.toDouble();
            if (!v.isUndefined() && !v.isNull() && badKey.isEmpty())
                badKey = QLatin1String(key);
            return kNaN;
        };
        const QJsonValue stepValue = record.value(QStringLiteral("step"));
        if (!stepValue.isDouble())
            return fail(tr("%1, line %2: a \"%3\" record needs a numeric \"step\". Repair or "
                           "delete that line.")
                            .arg(shown).arg(lineNumber).arg(type));
        const auto step = static_cast<qint64>(stepValue.toDouble());
        if (type == QLatin1String("step")) {
            StepPoint p;
            p.step = step;
            p.epoch = number("epoch");
            p.loss = number("loss");
            p.learningRate = number("learning_rate");
            p.tokensPerSecond = number("tokens_per_second");
            run.steps.append(p);
        } else {
            EvalPoint p;
            p.step = step;
            p.epoch = number("epoch");
            p.loss = number("loss");
            p.perplexity = number("perplexity");
            run.evals.append(p);
        }
        if (!badKey.isEmpty())
            return fail(tr("%1, line %2: \"%3\" is not a number. Repair or delete that line.")
                            .arg(shown).arg(lineNumber).arg(badKey));
    }
    *out = std::move(run);
    return true;
}

}  // namespace masklab::ui
