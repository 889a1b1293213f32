#pragma once
// The workbench window. Until the panels land (issue: the workbench window) it shows what the
// pipeline will walk through, so the README's run command opens a real window.
#include <QMainWindow>

namespace masklab::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace masklab::ui
