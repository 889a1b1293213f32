#pragma once
// Holds the models the window asks questions of (the base model, a chosen checkpoint) and
// answers fill-mask requests, in its own QThread so a running training does not hold them up.
#include "worker/engine_types.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace masklab::ui {

class InferenceWorker final : public QObject {
    Q_OBJECT
public:
    explicit InferenceWorker(QObject* parent = nullptr);
    ~InferenceWorker() override;

public slots:
    // Loads a save_pretrained folder into `slot`; on failure the slot is emptied, so nothing
    // answers from the model this one was meant to replace.
    void loadModel(const QString& slot, const QString& folder);
    // Loads a folder the user is trying in place of `slot`'s model: on failure that model stays.
    void tryModel(const QString& slot, const QString& folder);
    // A new model from a preset ("tiny", "mini", "small", "distilbert", "bert-base") for the
    // tokenizer, with the weights a run with this seed starts from.
    void createModel(const QString& slot, const QString& preset, const std::shared_ptr<const masklab::Tokenizer>& tokenizer,
                     quint64 seed, int maxPositions);
    void fillMask(const masklab::ui::FillMaskRequest& request);
    void describeDevices();

private:
    void load(const QString& slot, const QString& folder, bool keepOnFailure);

signals:
    void modelReady(const masklab::ui::ModelInfo& info);
    void modelFailed(const QString& slot, const QString& message);
    void fillMaskReady(const masklab::ui::FillMaskReply& reply);
    void devicesReady(const masklab::DeviceInfo& info);

private:
    struct Loaded;
    QHash<QString, std::shared_ptr<Loaded>> m_models;
};

}  // namespace masklab::ui

Q_DECLARE_METATYPE(std::shared_ptr<const masklab::Tokenizer>)
